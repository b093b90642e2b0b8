/**
 * Resolves once the browser has painted what is already in the page: the
 * task after the next animation frame. Hydrating the prerendered story (and
 * creating the map right after) is long work; run before the first paint,
 * it would keep the served text off the screen for its whole length.
 *
 * A cold browser can take several hundred milliseconds to produce its first
 * frame, so the wait is for the frame, not a fixed time. `requestAnimationFrame`
 * never fires in a hidden tab: there nothing is painted and nothing waits;
 * `timeoutMs` only guards against a browser that never schedules a frame.
 */
export function afterFirstPaint(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    if (document.visibilityState === 'hidden') return done();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, timeoutMs);
  });
}
