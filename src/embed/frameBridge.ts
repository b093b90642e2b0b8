import { createSignal, type Accessor } from 'solid-js';
import type { Viewport } from '../ui/createStepTracker';
import { frameMessage, parseHostMessage, type FrameMessage, type HostMessage } from './protocol';

export interface FrameBridge {
  /** The host's screen in this frame's coordinates, once a helper has connected. */
  viewport: Accessor<Viewport | undefined>;
  connected: Accessor<boolean>;
  post(message: FrameMessage): void;
  onGoto(handler: (id: string) => void): void;
  /** Called on every `connect`: the first, and each time a helper connects this frame again. */
  onConnect(handler: () => void): void;
  dispose(): void;
}

/**
 * The origin of the page that embeds this frame: Chromium and Safari tell it
 * in `location.ancestorOrigins`, others through the referrer.
 */
export function embedderOrigin(win: Window = window): string | undefined {
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frame side of the protocol in `protocol.ts`. Only messages from the
 * parent window, from the embedding page's origin, with a valid shape are
 * acted on; everything else is dropped (and logged in development).
 */
export function createFrameBridge(steps: readonly string[], win: Window = window): FrameBridge {
  const parent = win.parent;
  const origin = embedderOrigin(win);
  const [viewport, setViewport] = createSignal<Viewport | undefined>();
  const [connected, setConnected] = createSignal(false);
  let gotoHandler: ((id: string) => void) | undefined;
  let connectHandler: (() => void) | undefined;

  const ignore = (why: string, event: MessageEvent) => {
    if (import.meta.env.DEV) console.debug(`[story-map] ignored message (${why})`, event.origin, event.data);
  };

  const onMessage = (event: MessageEvent) => {
    if (parent === win || event.source !== parent) return ignore('not from the parent window', event);
    if (!origin || event.origin !== origin) return ignore('wrong origin', event);
    const message: HostMessage | null = parseHostMessage(event.data);
    if (!message) return ignore('malformed', event);
    switch (message.type) {
      case 'hello':
        // A helper that started after this frame had said `ready` asks again.
        post(ready);
        break;
      case 'connect':
        setConnected(true);
        connectHandler?.();
        break;
      case 'viewport':
        if (connected()) setViewport({ top: message.top, height: message.height });
        break;
      case 'goto':
        gotoHandler?.(message.id);
        break;
    }
  };
  win.addEventListener('message', onMessage);

  function post(message: FrameMessage) {
    // Before a helper connects the embedder's origin may be unknown; these messages carry nothing private.
    if (parent !== win) parent.postMessage(message, origin ?? '*');
  }
  const ready = frameMessage('ready', { steps: [...steps] });
  post(ready);

  return {
    viewport,
    connected,
    post,
    onGoto(handler) {
      gotoHandler = handler;
    },
    onConnect(handler) {
      connectHandler = handler;
    },
    dispose() {
      win.removeEventListener('message', onMessage);
    },
  };
}
