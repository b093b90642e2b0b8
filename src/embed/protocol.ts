/**
 * The postMessage protocol between an embedded story (`embed.html` in an
 * iframe) and the host-side helper (`embed-host.js`). Version 1.
 *
 * Frame → host (`source: "story-map"`):
 *   ready {steps}            the frame has loaded and listens; its story's step ids
 *   height {height}          the frame's content height in CSS pixels
 *   stepchange {id, index}   the active step changed
 *   scroll-to {y}            please scroll so frame offset `y` is mid-screen
 * Host → frame (`source: "story-map-host"`):
 *   hello                    a helper has just started: a story frame answers with `ready`
 *   connect                  a helper is present: size to content, follow the host's scrolling
 *   viewport {top, height}   the host's screen in frame coordinates
 *   goto {id}                go to a step
 *
 * Both sides check the sender (window and origin) and parse every message
 * with the functions below; anything else is ignored.
 */

export const PROTOCOL_VERSION = 1;

export type FrameMessage =
  | { source: 'story-map'; version: 1; type: 'ready'; steps: string[] }
  | { source: 'story-map'; version: 1; type: 'height'; height: number }
  | { source: 'story-map'; version: 1; type: 'stepchange'; id: string; index: number }
  | { source: 'story-map'; version: 1; type: 'scroll-to'; y: number };

export type HostMessage =
  | { source: 'story-map-host'; version: 1; type: 'hello' }
  | { source: 'story-map-host'; version: 1; type: 'connect' }
  | { source: 'story-map-host'; version: 1; type: 'viewport'; top: number; height: number }
  | { source: 'story-map-host'; version: 1; type: 'goto'; id: string };

type Data = Record<string, unknown>;

const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A pixel value: finite and within what any screen or document can have. */
const isPixels = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= 1e7;
const isStepId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v);
/** A story's step ids; absent (a frame of an older build) reads as none known. */
const isStepIds = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 1000 && v.every(isStepId);

function envelope(data: unknown, source: string): Data | null {
  if (!isRecord(data) || data.source !== source || data.version !== PROTOCOL_VERSION || typeof data.type !== 'string') return null;
  return data;
}

/** A message for the frame, or null if `data` is not one. */
export function parseHostMessage(data: unknown): HostMessage | null {
  const d = envelope(data, 'story-map-host');
  if (!d) return null;
  const base = { source: 'story-map-host', version: 1 } as const;
  switch (d.type) {
    case 'hello':
      return { ...base, type: 'hello' };
    case 'connect':
      return { ...base, type: 'connect' };
    case 'viewport':
      return isPixels(d.top, -1e7) && isPixels(d.height, 1) ? { ...base, type: 'viewport', top: d.top, height: d.height } : null;
    case 'goto':
      return isStepId(d.id) ? { ...base, type: 'goto', id: d.id } : null;
    default:
      return null;
  }
}

/** A message for the host, or null if `data` is not one. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  const d = envelope(data, 'story-map');
  if (!d) return null;
  const base = { source: 'story-map', version: 1 } as const;
  switch (d.type) {
    case 'ready':
      if (d.steps === undefined) return { ...base, type: 'ready', steps: [] };
      return isStepIds(d.steps) ? { ...base, type: 'ready', steps: [...d.steps] } : null;
    case 'height':
      return isPixels(d.height, 0) ? { ...base, type: 'height', height: d.height } : null;
    case 'stepchange':
      return isStepId(d.id) && Number.isInteger(d.index) && (d.index as number) >= 0
        ? { ...base, type: 'stepchange', id: d.id, index: d.index as number }
        : null;
    case 'scroll-to':
      return isPixels(d.y, 0) ? { ...base, type: 'scroll-to', y: d.y } : null;
    default:
      return null;
  }
}

export const frameMessage = <T extends FrameMessage['type']>(
  type: T,
  fields: Omit<Extract<FrameMessage, { type: T }>, 'source' | 'version' | 'type'>,
) => ({ source: 'story-map', version: PROTOCOL_VERSION, type, ...fields }) as Extract<FrameMessage, { type: T }>;

export const hostMessage = <T extends HostMessage['type']>(
  type: T,
  fields: Omit<Extract<HostMessage, { type: T }>, 'source' | 'version' | 'type'>,
) => ({ source: 'story-map-host', version: PROTOCOL_VERSION, type, ...fields }) as Extract<HostMessage, { type: T }>;
