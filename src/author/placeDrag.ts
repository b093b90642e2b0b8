/**
 * Dragging a place's marker on the live map (author mode). The markers are
 * the reader's buttons (`src/map/placeMarkers.ts`); this moves one with the
 * CSS `translate` property, which adds to the `transform` MapLibre sets, and
 * reports where its dot was dropped. A press that does not move stays a click.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** How far (CSS px) a press must move to become a drag. */
const THRESHOLD = 5;

export function enablePlaceDrag(host: HTMLElement, map: MapLibreMap, onDrop: (placeId: string, lngLat: [number, number], button: HTMLElement) => void): () => void {
  let drag: { id: string; button: HTMLElement; pointer: number; x: number; y: number; moved: boolean } | undefined;

  const placeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('.sm-place[data-place]') : null);
  // MapLibre starts panning on a press anywhere in its canvas container, markers included: not on a place.
  const keepFromMap = (event: Event) => {
    if (placeOf(event.target)) event.stopPropagation();
  };
  const down = (event: PointerEvent) => {
    const button = placeOf(event.target);
    if (!button || event.button !== 0 || !event.isPrimary) return;
    drag = { id: button.dataset.place!, button, pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  };
  const move = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) < THRESHOLD) return;
    if (!drag.moved) {
      drag.moved = true;
      drag.button.setPointerCapture(drag.pointer);
      drag.button.classList.add('sm-place--dragging');
    }
    event.preventDefault();
    drag.button.style.translate = `${dx}px ${dy}px`;
  };
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { id, button, moved } = drag;
    drag = undefined;
    if (!moved) return;
    button.classList.remove('sm-place--dragging');
    // The click that ends a drag is not a click on the place (which would open its excerpts).
    button.addEventListener('click', (e) => (e.stopImmediatePropagation(), e.preventDefault()), { capture: true, once: true });
    // The marker's dot sits on the place's coordinate: where the dot was dropped is where the place goes.
    const dot = button.querySelector('.sm-place__dot')?.getBoundingClientRect();
    const canvas = map.getCanvas().getBoundingClientRect();
    const [x, y] = dot ? [dot.left + dot.width / 2, dot.top + dot.height / 2] : [event.clientX, event.clientY];
    const lngLat = map.unproject([x - canvas.left, y - canvas.top]);
    onDrop(id, [lngLat.lng, lngLat.lat], button);
  };
  const cancel = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    drag.button.style.translate = '';
    drag.button.classList.remove('sm-place--dragging');
    drag = undefined;
  };

  host.addEventListener('mousedown', keepFromMap, true);
  host.addEventListener('touchstart', keepFromMap, true);
  host.addEventListener('pointerdown', down, true);
  window.addEventListener('pointermove', move, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', cancel, true);
  return () => {
    host.removeEventListener('mousedown', keepFromMap, true);
    host.removeEventListener('touchstart', keepFromMap, true);
    host.removeEventListener('pointerdown', down, true);
    window.removeEventListener('pointermove', move, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', cancel, true);
  };
}
