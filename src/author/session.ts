/**
 * Author mode's state on one story page: the live map (reached through the
 * DOM hook `maplibreMap` on `.sm-map__canvas`, so the map code knows nothing
 * of authors), its camera as the story file would keep it, the notices, and
 * the edits sent to the dev server. The page reloads after every saved edit.
 */
import { createSignal, type Accessor } from 'solid-js';
import { NavigationControl, type Map as MapLibreMap } from 'maplibre-gl';
import type { StepCamera, Story } from '../story/model';
import { AUTHOR_API, TOKEN_HEADER, type AuthorMeta, type EditResult, type Problem } from './protocol';
import { fitCamera, framings, roundCamera, stepPoints } from './camera';
import { enablePlaceDrag } from './placeDrag';

export interface Notice {
  kind: 'ok' | 'info' | 'error' | 'conflict';
  text: string;
}

export interface AuthorSession {
  id: string;
  story: Story;
  meta: AuthorMeta;
  /** The live map once it is ready. */
  map: Accessor<MapLibreMap | undefined>;
  /** The live map's camera as a step would keep it (its zoom for a 720×600 map), after each move. */
  camera: Accessor<StepCamera | undefined>;
  /** Tools hidden (`?author=off`); build problems still show. */
  hidden: Accessor<boolean>;
  setHidden(hidden: boolean): void;
  busy: Accessor<boolean>;
  notice: Accessor<Notice | undefined>;
  /** Advice about the active step's tools (a proposed view), shown beside them. */
  stepNotice: Accessor<{ step: string; text: string } | undefined>;
  legendHeight: Accessor<number>;
  /** Problems at a step the page shows; the others go above the story. */
  problemsAt(stepId: string): Problem[];
  unplaced: Problem[];
  useView(stepId: string): Promise<void>;
  fit(stepId: string, event: Event): void;
  placeAtCentre(placeId: string): Promise<void>;
  undo(): Promise<void>;
  /** Find the map in `app` (when it is ready), add the author's controls to it; returns the detach. */
  attach(app: HTMLElement): () => void;
}

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export function createSession(options: { id: string; story: Story; meta: AuthorMeta; token: string }): AuthorSession {
  const { id, story, meta, token } = options;
  const [map, setMap] = createSignal<MapLibreMap>();
  const [camera, setCamera] = createSignal<StepCamera>();
  const [hidden, setHiddenSignal] = createSignal(new URLSearchParams(location.search).get('author') === 'off');
  const [busy, setBusy] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice | undefined>(meta.undo ? { kind: 'ok', text: `Last edit: ${meta.undo}. Ctrl/⌘+Z undoes it.` } : undefined);
  const [stepNotice, setStepNotice] = createSignal<{ step: string; text: string }>();
  const [legendHeight, setLegendHeight] = createSignal(0);
  let host: HTMLElement | undefined;

  const shown = new Set(story.steps.map((s) => s.id));
  const placed = (p: Problem) => p.step?.id !== undefined && shown.has(p.step.id);

  /** The live camera, zoom given for the 720×600 map cameras are written for (the page adds `data-zoom-offset`). */
  const liveCamera = (): StepCamera | undefined => {
    const m = map();
    if (!m || !host) return undefined;
    const c = m.getCenter();
    return roundCamera({ center: [c.lng, c.lat], zoom: m.getZoom() - Number(host.dataset.zoomOffset ?? 0), bearing: m.getBearing(), pitch: m.getPitch() });
  };

  /** Send an edit; true when it was saved. */
  async function send(kind: 'camera' | 'place' | 'undo', body: object): Promise<boolean> {
    setBusy(true);
    try {
      const response = await fetch(`${AUTHOR_API}${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(body),
      });
      const result = (await response.json().catch(() => ({ ok: false, message: `the dev server answered ${response.status}` }))) as EditResult;
      if (!result.ok) {
        setNotice({ kind: result.conflict ? 'conflict' : 'error', text: result.message });
        return false;
      }
      if (result.files.length === 0) setNotice({ kind: 'info', text: `Nothing to save: ${result.message}.` });
      else {
        const verb = result.message.startsWith('undid') ? 'Undid' : 'Saved';
        setNotice({ kind: 'ok', text: `${verb} ${result.message.replace(/^undid /, '')} in ${result.files.join(' and ')}. Reloading…` });
        // The dev server reloads the page when the file changes; should that not come, reload anyway.
        setTimeout(() => location.reload(), 4000);
      }
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: `The dev server did not answer (${(error as Error).message}): is \`npm run dev\` still running?` });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const placeName = (placeId: string) => story.places.find((p) => p.id === placeId)?.name[story.languages[0]!] ?? placeId;
  const movePlace = (placeId: string, coordinates: [number, number]) => send('place', { story: id, place: placeId, coordinates, base: meta.hashes });

  return {
    id,
    story,
    meta,
    map,
    camera,
    hidden,
    setHidden(value) {
      setHiddenSignal(value);
      const url = new URL(location.href);
      if (value) url.searchParams.set('author', 'off');
      else url.searchParams.delete('author');
      history.replaceState(history.state, '', url);
    },
    busy,
    notice,
    stepNotice,
    legendHeight,
    problemsAt: (stepId) => meta.problems.filter((p) => placed(p) && p.step!.id === stepId),
    unplaced: meta.problems.filter((p) => !placed(p)),
    async useView(stepId) {
      const view = liveCamera();
      if (!view) {
        setNotice({ kind: 'error', text: 'The map is not ready yet.' });
        return;
      }
      await send('camera', { story: id, step: stepId, camera: view, base: meta.hashes.story ?? '' });
    },
    fit(stepId, event) {
      const step = story.steps.find((s) => s.id === stepId);
      const m = map();
      if (!step || !m || !host) return;
      const points = stepPoints(story, step);
      const proposal = fitCamera(points, framings(legendHeight()));
      if (!proposal) {
        setStepNotice({ step: stepId, text: 'This step has no places, route or shapes to fit.' });
        return;
      }
      // As the author's own move (an originalEvent), which the story map leaves where it is.
      m.jumpTo({ ...proposal, zoom: proposal.zoom + Number(host.dataset.zoomOffset ?? 0) }, { originalEvent: event });
      setStepNotice({ step: stepId, text: 'A view with the step’s places clear of the text on both screens. Adjust the map, or save it with “Use this view”.' });
    },
    async placeAtCentre(placeId) {
      const m = map();
      if (!m) return;
      const c = m.getCenter();
      setNotice({ kind: 'info', text: `Moving ${placeName(placeId)}…` });
      await movePlace(placeId, [c.lng, c.lat]);
    },
    async undo() {
      await send('undo', { story: id });
    },
    attach(app) {
      const mapEl = app.querySelector<HTMLElement>('.sm-map');
      const canvasHost = app.querySelector<HTMLElement & { maplibreMap?: MapLibreMap }>('.sm-map__canvas');
      const cleanups: (() => void)[] = [];
      const onKey = (event: KeyboardEvent) => {
        // Ctrl/⌘+Z undoes author mode's last edit (outside text fields, where it is the field's own undo).
        if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z' || isTyping(event.target)) return;
        event.preventDefault();
        if (meta.undo && !busy()) void send('undo', { story: id });
        else if (!meta.undo) setNotice({ kind: 'info', text: 'Nothing to undo.' });
      };
      window.addEventListener('keydown', onKey);
      cleanups.push(() => window.removeEventListener('keydown', onKey));
      const connect = () => {
        const m = canvasHost?.maplibreMap;
        if (!m || map() || mapEl?.dataset.mapStatus !== 'ready') return;
        host = canvasHost!;
        app.classList.add('sm-app--author');
        const controls = new NavigationControl({ showCompass: false });
        m.addControl(controls, 'bottom-left');
        const update = () => {
          setCamera(liveCamera());
          setLegendHeight(app.querySelector('.sm-legend')?.getBoundingClientRect().height ?? 0);
        };
        m.on('moveend', update);
        const detachDrag = enablePlaceDrag(host, m, (placeId, lngLat, button) => {
          setNotice({ kind: 'info', text: `Moving ${placeName(placeId)}…` });
          // Refused: the marker goes back to where the file has the place.
          void movePlace(placeId, lngLat).then((saved) => saved || button.style.removeProperty('translate'));
        });
        cleanups.push(() => {
          m.off('moveend', update);
          detachDrag();
          if (m.hasControl(controls)) m.removeControl(controls);
        });
        setMap(m);
        update();
      };
      const observer = new MutationObserver(connect);
      if (mapEl) observer.observe(mapEl, { attributes: true, attributeFilter: ['data-map-status'] });
      cleanups.push(() => observer.disconnect());
      connect();
      return () => {
        for (const c of cleanups) c();
        app.classList.remove('sm-app--author');
      };
    },
  };
}
