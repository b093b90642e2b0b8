import { batch, createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import { isServer } from 'solid-js/web';

/** The part of a document a host page shows, in that document's coordinates. */
export interface Viewport {
  top: number;
  height: number;
}

export interface StepTrackerOptions {
  /** The step elements, in story order. */
  elements: () => readonly HTMLElement[];
  /** Optional elements before the first and after the last step: at the line, they mean the first or last step. */
  before?: () => Element | undefined;
  after?: () => Element | undefined;
  /** The scrolling element, or null for the viewport (also inside an iframe). */
  root: Element | null;
  initial: number;
  /** Height of the activation line as a fraction of the root, from its top. */
  line?: number;
  /**
   * Host-driven scrolling (an iframe as tall as its content): the visible part
   * of the document. While it is set, it decides the active step instead of
   * the observer, which would see the whole frame as visible.
   */
  viewport?: Accessor<Viewport | undefined> | undefined;
  /** Host-driven scrolling: ask the host to bring document offset `y` to the line. */
  requestScroll?: ((y: number) => void) | undefined;
  /** Whether step `index` uses its progress (a route drawn as the reader scrolls); others are not measured while scrolling. */
  tracksProgress?: (index: number) => boolean;
  /** Injected in tests. */
  IntersectionObserver?: typeof IntersectionObserver;
}

export interface StepTracker {
  /** Index of the active step. */
  active: Accessor<number>;
  /** How far the activation line has moved through the active step, 0..1. */
  progress: Accessor<number>;
  /** Activate a step at once and bring it into view, ignoring the steps scrolled past on the way. */
  goTo(index: number, behavior?: ScrollBehavior): void;
}

/**
 * Which step is active: the one crossing a horizontal line across the scroll
 * root. Steps activate only through this observer, so a fast scroll lands
 * on where the reader stopped, and a programmatic jump suppresses the
 * steps it scrolls past. Must be called inside a Solid owner; it
 * disconnects itself on cleanup.
 */
export function createStepTracker(options: StepTrackerOptions): StepTracker {
  const line = options.line ?? 0.5;
  const [active, setActive] = createSignal(options.initial);
  const [progress, setProgress] = createSignal(0);
  // Prerendering: the initial step, nothing to observe.
  if (isServer) return { active, progress, goTo: () => {} };
  const IO = options.IntersectionObserver ?? globalThis.IntersectionObserver;
  const crossing = new Set<Element>();
  let jumping = false;
  let unlockTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const indexOf = (el: Element) => options.elements().indexOf(el as HTMLElement);
  const scrollTarget: EventTarget = options.root ?? window;
  // Capturing: in a host page that scrolls a container of its own (`html { overflow: hidden }`), no scroll
  // reaches the window, and an element's scroll events do not bubble.
  const capture = !options.root;

  let disposed = false;
  const progressIn = (el: HTMLElement) => {
    const rootRect = options.root?.getBoundingClientRect() ?? { top: 0, height: window.innerHeight };
    const lineY = rootRect.top + rootRect.height * line;
    const rect = el.getBoundingClientRect();
    const t = rect.height > 0 ? (lineY - rect.top) / rect.height : 1;
    return Math.min(1, Math.max(0, t));
  };
  const measure = () => {
    frame = 0;
    if (disposed) return;
    const el = options.elements()[active()];
    if (el) setProgress(progressIn(el));
  };
  // Per scroll event only a check; the layout is read once a frame, only in a step that uses its progress, and just
  // after the frame is drawn, when the page is laid out: read before it, after a step change, it forces a layout.
  const scheduleMeasure = () => {
    if (!frame && (options.tracksProgress?.(active()) ?? true)) frame = requestAnimationFrame(() => setTimeout(measure, 0));
  };

  const settle = () => {
    const steps = [...crossing].map(indexOf).filter((i) => i >= 0);
    const before = options.before?.();
    const after = options.after?.();
    let index: number | undefined;
    // Several steps can cross the line only transiently; take the last in story order.
    if (steps.length > 0) index = Math.max(...steps);
    // A jump past the end (the End key) never crosses the last step; the element after it stands in for it.
    else if (after && crossing.has(after)) index = options.elements().length - 1;
    else if (before && crossing.has(before)) index = 0;
    if (index !== undefined && index >= 0 && index !== active()) {
      // The new step arrives with its own progress, read before its activation changes the page: with the last
      // step's, a route would be drawn whole for a frame as the reader enters its step.
      const el = options.elements()[index];
      const p = el && (options.tracksProgress?.(index) ?? true) ? progressIn(el) : progress();
      batch(() => {
        setActive(index);
        setProgress(p);
      });
    }
    scheduleMeasure();
  };

  const observer = new IO(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) crossing.add(entry.target);
        else crossing.delete(entry.target);
      }
      if (!jumping && !options.viewport?.()) settle();
    },
    // A zero-height band at the line: only the step under it intersects.
    { root: options.root, rootMargin: `-${line * 100}% 0px -${(1 - line) * 100}% 0px`, threshold: 0 },
  );
  queueMicrotask(() => {
    for (const el of [options.before?.(), ...options.elements(), options.after?.()]) if (el) observer.observe(el);
  });

  const unlock = () => {
    clearTimeout(unlockTimer);
    if (!jumping) return;
    jumping = false;
    target = undefined;
    scrollTarget.removeEventListener('scrollend', unlock, { capture });
    if (!options.viewport?.()) settle();
  };

  // Host-driven: the step under the line of the host's screen, or the last one passed.
  let target: number | undefined;
  createEffect(() => {
    const vp = options.viewport?.();
    if (!vp) return;
    const els = options.elements();
    const lineY = vp.top + vp.height * line;
    let index = 0;
    els.forEach((el, i) => {
      if (el.getBoundingClientRect().top + window.scrollY <= lineY) index = i;
    });
    if (jumping && index !== target) return;
    if (jumping) unlock();
    setActive(index);
    const el = els[index];
    if (el) {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setProgress(Math.min(1, Math.max(0, (lineY - top) / Math.max(1, el.offsetHeight))));
    }
  });

  scrollTarget.addEventListener('scroll', scheduleMeasure, { passive: true, capture });
  onCleanup(() => {
    observer.disconnect();
    clearTimeout(unlockTimer);
    if (frame) cancelAnimationFrame(frame);
    disposed = true;
    scrollTarget.removeEventListener('scroll', scheduleMeasure, { capture });
    scrollTarget.removeEventListener('scrollend', unlock, { capture });
  });

  return {
    active,
    progress,
    goTo(index, behavior = 'auto') {
      const el = options.elements()[index];
      if (!el) return;
      jumping = true;
      target = index;
      setActive(index);
      setProgress(1);
      if (options.viewport?.() && options.requestScroll) {
        const rect = el.getBoundingClientRect();
        options.requestScroll(rect.top + window.scrollY + rect.height / 2);
        clearTimeout(unlockTimer);
        unlockTimer = setTimeout(unlock, 1500);
        return;
      }
      scrollTarget.addEventListener('scrollend', unlock, { once: true, capture });
      clearTimeout(unlockTimer);
      // scrollend does not fire when nothing had to scroll; the timer covers that and old browsers.
      unlockTimer = setTimeout(unlock, behavior === 'smooth' ? 1500 : 150);
      el.scrollIntoView({ block: 'center', behavior });
    },
  };
}
