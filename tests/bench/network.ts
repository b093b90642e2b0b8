/**
 * A slow network for the static server: every response waits one round trip,
 * then all bodies in flight share one link of fixed bandwidth, chunk by chunk
 * (as a phone's mobile connection is shared by a page's parallel requests).
 * Done in the server, not with Chromium's emulation, so that the fetches of
 * MapLibre's worker (the reference's GeoJSON) are slowed like the page's own.
 */
import type { ServerResponse } from 'node:http';

export interface NetworkProfile {
  /** Shown in the report. */
  label: string;
  /** Wait before a response starts, ms: the request's round trip. */
  latencyMs: number;
  /** The link's bandwidth, shared by every response in flight. */
  bitsPerSecond: number;
}

/** Lighthouse's mobile throttling ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down. */
export const MOBILE: NetworkProfile = { label: 'mobile (150 ms RTT, 1.6 Mbit/s)', latencyMs: 150, bitsPerSecond: 1_638_400 };

/** About ten TCP segments: small enough to interleave parallel responses fairly. */
const CHUNK_BYTES = 14_600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface Link {
  /** Send `body` (already with its headers written) over the link, then end the response. */
  deliver(res: ServerResponse, body: Buffer | undefined): Promise<void>;
  /** The round trip to wait before the headers. */
  readonly latencyMs: number;
}

export function createLink(profile: NetworkProfile): Link {
  const bytesPerMs = profile.bitsPerSecond / 8 / 1000;
  // When the link is next free, on performance.now()'s clock: each chunk books the link for its own duration.
  let freeAt = 0;
  return {
    latencyMs: profile.latencyMs,
    async deliver(res, body) {
      if (!body) return void res.end();
      for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) {
        const chunk = body.subarray(offset, offset + CHUNK_BYTES);
        const start = Math.max(performance.now(), freeAt);
        freeAt = start + chunk.length / bytesPerMs;
        await sleep(freeAt - performance.now());
        if (res.destroyed) return;
        res.write(chunk);
      }
      res.end();
    },
  };
}
