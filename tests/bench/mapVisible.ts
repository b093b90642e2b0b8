/**
 * "Map visible": the first frame the browser presented in which the map's
 * area shows the map, read from Chromium's own frames (a CDP screencast), so
 * the method is the same for an SVG drawing, an image or a WebGL canvas. A
 * frame shows the map when most of the map's area matches the settled map
 * (the last frame, taken after the map's first idle and its fade-in).
 */
import type { CDPSession } from 'playwright-core';
import jpeg from 'jpeg-js';
import { writeFileSync } from 'node:fs';

interface Frame {
  /** Page clock, ms from navigation start. */
  t: number;
  data: Buffer;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A pixel matches when no channel differs by more than this (JPEG noise, anti-aliasing, a drawing's thinner lines). */
const CHANNEL_TOLERANCE = 12;
/** A frame shows the map when this share of the map area's pixels match the settled map. */
export const MATCH_SHARE = 0.8;

/** Starts recording frames; `stop` ends it and returns them (timestamps on the page's clock). */
export async function recordFrames(cdp: CDPSession): Promise<{ stop(timeOrigin: number): Promise<Frame[]> }> {
  const raw: Array<{ ts: number; data: string }> = [];
  const onFrame = (event: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    raw.push({ ts: (event.metadata.timestamp ?? 0) * 1000, data: event.data });
    void cdp.send('Page.screencastFrameAck', { sessionId: event.sessionId }).catch(() => undefined);
  };
  cdp.on('Page.screencastFrame', onFrame);
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 70, everyNthFrame: 1 });
  return {
    async stop(timeOrigin) {
      await cdp.send('Page.stopScreencast');
      cdp.off('Page.screencastFrame', onFrame);
      return raw.filter((f) => f.ts > 0).map((f) => ({ t: f.ts - timeOrigin, data: Buffer.from(f.data, 'base64') }));
    },
  };
}

/** Share of the pixels of `rect` (sampled every 3rd pixel both ways) that match between two decoded frames. */
export function matchShare(a: { width: number; data: Uint8Array }, b: { width: number; data: Uint8Array }, rect: Rect): number {
  let same = 0;
  let total = 0;
  const x1 = Math.floor(rect.x + rect.width);
  const y1 = Math.floor(rect.y + rect.height);
  for (let y = Math.ceil(rect.y); y < y1; y += 3) {
    for (let x = Math.ceil(rect.x); x < x1; x += 3) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      total++;
      if (Math.abs(a.data[i]! - b.data[j]!) <= CHANNEL_TOLERANCE && Math.abs(a.data[i + 1]! - b.data[j + 1]!) <= CHANNEL_TOLERANCE && Math.abs(a.data[i + 2]! - b.data[j + 2]!) <= CHANNEL_TOLERANCE) same++;
    }
  }
  return total === 0 ? 0 : same / total;
}

/**
 * The time of the first frame whose map area matches the last frame's (null:
 * none), and every frame's time and share, for the JSON report.
 */
export function firstMapFrame(frames: readonly Frame[], rect: Rect): { t: number | null; frames: Array<{ t: number; share: number }> } {
  if (frames.length === 0) return { t: null, frames: [] };
  const decode = (f: Frame) => jpeg.decode(f.data, { useTArray: true, formatAsRGBA: true });
  const settled = decode(frames[frames.length - 1]!);
  if (process.env.BENCH_FRAMES) frames.forEach((f, i) => writeFileSync(`${process.env.BENCH_FRAMES}-${i}-${Math.round(f.t)}.jpg`, f.data));
  const shares = frames.map((frame) => ({ t: Math.round(frame.t), share: Math.round(matchShare(decode(frame), settled, rect) * 1000) / 1000 }));
  return { t: shares.find((f) => f.share >= MATCH_SHARE)?.t ?? null, frames: shares };
}
