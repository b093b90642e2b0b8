/**
 * `embed-host.js`: the helper a host page includes next to a story iframe
 * (`<iframe data-story-map src=".../embed.html?story=…">`). It sizes the
 * iframe to its content, tells the story which part of it is on screen as
 * the reader scrolls the article, re-emits the story's `stepchange` event on
 * the iframe element, and gives the element a `goTo(stepId)` method.
 * Built as a classic script (IIFE) exposing `window.StoryMapHost`.
 */
import { hostMessage, parseFrameMessage, type HostMessage } from './protocol';

interface Connection {
  iframe: HTMLIFrameElement;
  origin: string;
}

export interface StoryMapFrame extends HTMLIFrameElement {
  /** Scroll the article to a step of the story; false when the frame is not connected yet. */
  goTo(stepId: string): boolean;
}

const connections: Connection[] = [];

function post(conn: Connection, message: HostMessage): boolean {
  const target = conn.iframe.contentWindow;
  if (!target) return false;
  target.postMessage(message, conn.origin);
  return true;
}

function sendViewport(conn: Connection) {
  const rect = conn.iframe.getBoundingClientRect();
  // The frame's content starts below its border.
  const top = rect.top + conn.iframe.clientTop;
  post(conn, hostMessage('viewport', { top: -top, height: window.innerHeight }));
}

let frame = 0;
function onScroll() {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const conn of connections) sendViewport(conn);
  });
}

function onMessage(event: MessageEvent) {
  const conn = connections.find((c) => c.iframe.contentWindow === event.source);
  if (!conn || event.origin !== conn.origin) return;
  const message = parseFrameMessage(event.data);
  if (!message) return;
  const { iframe } = conn;
  switch (message.type) {
    case 'ready':
      post(conn, hostMessage('connect', {}));
      sendViewport(conn);
      break;
    case 'height':
      iframe.style.height = `${Math.ceil(message.height)}px`;
      sendViewport(conn);
      break;
    case 'stepchange':
      iframe.dispatchEvent(new CustomEvent('stepchange', { detail: { id: message.id, index: message.index } }));
      break;
    case 'scroll-to': {
      const top = iframe.getBoundingClientRect().top + iframe.clientTop + window.scrollY + message.y - window.innerHeight / 2;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollTo({ top, behavior: reduce ? 'auto' : 'smooth' });
      break;
    }
  }
}

/** Connect one story iframe (found automatically when it has `data-story-map`). */
export function connect(iframe: HTMLIFrameElement): void {
  if (connections.some((c) => c.iframe === iframe)) return;
  let origin: string;
  try {
    origin = new URL(iframe.src, location.href).origin;
  } catch {
    return;
  }
  const conn: Connection = { iframe, origin };
  connections.push(conn);
  (iframe as StoryMapFrame).goTo = (stepId: string) => post(conn, hostMessage('goto', { id: stepId }));
  // A frame that loaded before this script ran already sent its `ready`; greet it again.
  iframe.addEventListener('load', () => post(conn, hostMessage('connect', {})));
  post(conn, hostMessage('connect', {}));
}

/** Connect every `iframe[data-story-map]` in the page. */
export function connectAll(root: ParentNode = document): void {
  root.querySelectorAll<HTMLIFrameElement>('iframe[data-story-map]').forEach(connect);
}

window.addEventListener('message', onMessage);
window.addEventListener('scroll', onScroll, { passive: true });
window.addEventListener('resize', onScroll, { passive: true });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => connectAll());
else connectAll();
