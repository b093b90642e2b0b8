/**
 * `embed-host.js`: the helper a host page includes next to story iframes. It
 * finds them itself — any iframe whose window says `ready` from the origin of
 * its `src`, with or without `data-story-map`, whenever it loads — sizes each
 * to its content, tells it which part of it is on screen as the reader
 * scrolls (the window or any scrolling container), re-emits its `stepchange`
 * on the iframe element and gives the element `goTo(stepId)`. Built as a
 * classic script (IIFE) exposing `window.StoryMapHost`; a second copy on the
 * page hands over to the first.
 */
import { hostMessage, parseFrameMessage, type HostMessage } from './protocol';

interface Connection {
  iframe: HTMLIFrameElement;
  steps: readonly string[];
}

export interface StoryMapFrame extends HTMLIFrameElement {
  /** Scroll the article to a step of the story; false for an unknown step or a frame not connected yet. */
  goTo(stepId: string): boolean;
}

export interface HostOptions {
  /** Height in px of what covers the top of the screen (a sticky site header): the story's map sits below it. */
  offset?: number;
}

/** One state per page, whichever copy of the script runs first. */
interface Shared {
  connections: Connection[];
  offset: number;
}
const KEY = '__storyMapHost1';
const globals = window as unknown as Record<string, Shared | undefined>;
const first = !globals[KEY];
const shared: Shared = (globals[KEY] ??= { connections: [], offset: 0 });

/** The origin a frame must speak from: its `src`'s. */
function originOf(iframe: HTMLIFrameElement): string | undefined {
  try {
    return iframe.src ? new URL(iframe.src, location.href).origin : undefined;
  } catch {
    return undefined;
  }
}

function post(iframe: HTMLIFrameElement, message: HostMessage): void {
  const origin = originOf(iframe);
  if (origin && origin !== 'null') iframe.contentWindow?.postMessage(message, origin);
}

const scrolls = (el: Element) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowY);

/**
 * The part of the screen where the reader sees the frame's article: the window, cut by every
 * scrolling container around the frame and by the offset (a sticky header).
 */
function screenArea(iframe: HTMLIFrameElement): { top: number; bottom: number } {
  let top = shared.offset;
  let bottom = window.innerHeight;
  for (let el = iframe.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    if (!scrolls(el)) continue;
    const r = el.getBoundingClientRect();
    top = Math.max(top, r.top + el.clientTop);
    bottom = Math.min(bottom, r.top + el.clientTop + el.clientHeight);
  }
  return { top, bottom: Math.max(bottom, top + 1) };
}

function sendViewport(conn: Connection) {
  const { iframe } = conn;
  // The frame's content starts below its border.
  const frameTop = iframe.getBoundingClientRect().top + iframe.clientTop;
  const area = screenArea(iframe);
  post(iframe, hostMessage('viewport', { top: area.top - frameTop, height: area.bottom - area.top }));
}

/** The element that scrolls the frame into view: the nearest scrolling container, else the window. */
function scrollerOf(iframe: HTMLIFrameElement): Element | Window {
  for (let el = iframe.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    if (el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY)) return el;
  }
  return window;
}

let frame = 0;
function onScroll() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    // A frame taken out of the page is forgotten; put back, it loads again and says `ready`.
    shared.connections = shared.connections.filter((c) => c.iframe.isConnected);
    for (const conn of shared.connections) sendViewport(conn);
  });
}

/** The iframe of the page whose window sent `event`, if its `src` has the sender's origin. */
function frameOf(event: MessageEvent): HTMLIFrameElement | undefined {
  if (!event.source) return undefined;
  for (const iframe of document.getElementsByTagName('iframe')) {
    if (iframe.contentWindow === event.source) return originOf(iframe) === event.origin ? iframe : undefined;
  }
  return undefined;
}

function onMessage(event: MessageEvent) {
  const iframe = frameOf(event);
  if (!iframe) return;
  const message = parseFrameMessage(event.data);
  if (!message) return;
  let conn = shared.connections.find((c) => c.iframe === iframe);
  if (message.type === 'ready') {
    if (!conn) shared.connections.push((conn = { iframe, steps: [] }));
    conn.steps = message.steps;
    const known = conn;
    (iframe as StoryMapFrame).goTo = (stepId) => {
      if (!known.steps.includes(stepId)) return false;
      post(iframe, hostMessage('goto', { id: stepId }));
      return true;
    };
    post(iframe, hostMessage('connect', {}));
    sendViewport(conn);
    return;
  }
  // Until a frame has said `ready` it is not a story frame of this page.
  if (!conn) return;
  switch (message.type) {
    case 'height':
      iframe.style.height = `${Math.ceil(message.height)}px`;
      sendViewport(conn);
      break;
    case 'stepchange':
      iframe.dispatchEvent(new CustomEvent('stepchange', { detail: { id: message.id, index: message.index } }));
      break;
    case 'scroll-to': {
      const area = screenArea(iframe);
      const by = iframe.getBoundingClientRect().top + iframe.clientTop + message.y - (area.top + area.bottom) / 2;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      scrollerOf(iframe).scrollBy({ top: by, behavior: reduce ? 'auto' : 'smooth' });
      break;
    }
  }
}

/** Ask a frame to say `ready` (again): for a frame that loaded before this script ran. Frames connect themselves. */
export function connect(iframe: HTMLIFrameElement): void {
  post(iframe, hostMessage('hello', {}));
}

/** Ask every iframe in `root` that could be a story to say `ready`. */
export function connectAll(root: ParentNode = document): void {
  root.querySelectorAll('iframe').forEach(connect);
}

/** Set the helper's options for every story frame of the page. */
export function configure(options: HostOptions): void {
  if (options.offset !== undefined && Number.isFinite(options.offset)) shared.offset = Math.max(0, options.offset);
  onScroll();
}

const offset = Number(document.currentScript?.dataset.offset);
if (offset) configure({ offset });
if (first) {
  window.addEventListener('message', onMessage);
  // Capturing: a host that scrolls a container of its own (`html { overflow: hidden }`) fires no window scroll.
  window.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', onScroll, { passive: true });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => connectAll());
  else connectAll();
}
