// @vitest-environment happy-dom
import { createEffect, createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStepTracker, type StepTracker } from './createStepTracker';

/** An IntersectionObserver whose entries the test fires by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  takeRecords() {
    return [];
  }
  fire(...changes: [Element, boolean][]) {
    const entries = changes.map(([target, isIntersecting]) => ({ target, isIntersecting }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

function setup(initial = 0, tracksProgress?: (index: number) => boolean) {
  const els = Array.from({ length: 5 }, () => document.createElement('article'));
  const header = document.createElement('header');
  const footer = document.createElement('footer');
  document.body.append(header, ...els, footer);
  let tracker!: StepTracker;
  let dispose!: () => void;
  createRoot((d) => {
    dispose = d;
    tracker = createStepTracker({
      elements: () => els,
      before: () => header,
      after: () => footer,
      root: null,
      initial,
      ...(tracksProgress ? { tracksProgress } : {}),
      IntersectionObserver: FakeObserver as unknown as typeof IntersectionObserver,
    });
  });
  return { els, header, footer, tracker, dispose, io: () => FakeObserver.last! };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('createStepTracker', () => {
  it('observes every step with a zero-height band at the middle of the root', async () => {
    const { els, header, footer, io } = setup();
    await Promise.resolve();
    expect(io().observed).toEqual([header, ...els, footer]);
    expect(io().options.rootMargin).toBe('-50% 0px -50% 0px');
  });

  it('activates the step that crosses the line', () => {
    const { els, tracker, io } = setup();
    io().fire([els[0]!, false], [els[1]!, true]);
    expect(tracker.active()).toBe(1);
    io().fire([els[1]!, false], [els[2]!, true]);
    expect(tracker.active()).toBe(2);
  });

  it('keeps the last step active while the line is in a gap between steps', () => {
    const { els, tracker, io } = setup();
    io().fire([els[3]!, true]);
    io().fire([els[3]!, false]);
    expect(tracker.active()).toBe(3);
  });

  it('lands on the final step of a fast scroll reported in one batch, without the ones in between', () => {
    const { els, tracker, io } = setup();
    const seen: number[] = [];
    createRoot(() => createEffect(() => seen.push(tracker.active())));
    io().fire([els[0]!, false], [els[1]!, true], [els[1]!, false], [els[2]!, true], [els[2]!, false], [els[4]!, true]);
    expect(seen).toEqual([0, 4]);
  });

  it('ignores the steps a jump scrolls past and settles on the target', () => {
    vi.useFakeTimers();
    const { els, tracker, io } = setup();
    els.forEach((el) => (el.scrollIntoView = () => {}));
    tracker.goTo(4, 'smooth');
    expect(tracker.active()).toBe(4);
    io().fire([els[1]!, true]);
    io().fire([els[1]!, false], [els[2]!, true]);
    expect(tracker.active()).toBe(4);
    io().fire([els[2]!, false], [els[4]!, true]);
    window.dispatchEvent(new Event('scrollend'));
    expect(tracker.active()).toBe(4);
  });

  it('releases a jump after a timeout when no scrollend comes', () => {
    vi.useFakeTimers();
    const { els, tracker, io } = setup();
    els.forEach((el) => (el.scrollIntoView = () => {}));
    tracker.goTo(2);
    io().fire([els[3]!, true]);
    expect(tracker.active()).toBe(2);
    vi.advanceTimersByTime(200);
    expect(tracker.active()).toBe(3);
  });

  it('activates the last step when a jump to the end puts what follows it at the line', () => {
    const { footer, header, tracker, io } = setup(1);
    io().fire([footer, true]);
    expect(tracker.active()).toBe(4);
    io().fire([footer, false], [header, true]);
    expect(tracker.active()).toBe(0);
  });

  it('measures progress on scroll only in a step that uses it, once per frame, after the frame', async () => {
    const { els, io } = setup(0, (i) => i === 1);
    const reads = els.map((el) => vi.spyOn(el, 'getBoundingClientRect'));
    // The tracker reads the layout just after a frame is drawn.
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)));
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(reads[0]).not.toHaveBeenCalled();
    io().fire([els[1]!, true]);
    await frame();
    reads[1]!.mockClear();
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(reads[1]).toHaveBeenCalledTimes(1);
  });

  it('gives a step its own progress the moment it becomes active, never the last step\'s', async () => {
    const { els, tracker, io } = setup();
    const rect = (top: number) => ({ top, height: 400, bottom: top + 400, left: 0, right: 0, width: 0, x: 0, y: top, toJSON() {} }) as DOMRect;
    // Step 0 scrolled through to its end; step 1 entered 10 px past the line (the middle of the window).
    vi.spyOn(els[0]!, 'getBoundingClientRect').mockReturnValue(rect(-1000));
    vi.spyOn(els[1]!, 'getBoundingClientRect').mockReturnValue(rect(innerHeight / 2 - 10));
    io().fire([els[0]!, true]);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 1)));
    expect(tracker.progress()).toBe(1);
    const seen: [number, number][] = [];
    createRoot(() => createEffect(() => seen.push([tracker.active(), tracker.progress()])));
    io().fire([els[0]!, false], [els[1]!, true]);
    expect(seen).toEqual([
      [0, 1],
      [1, 10 / 400],
    ]);
  });

  it('disconnects on cleanup', () => {
    const { dispose, io } = setup();
    dispose();
    expect(io().disconnected).toBe(true);
  });
});
