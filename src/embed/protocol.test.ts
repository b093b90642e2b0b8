import { describe, expect, it } from 'vitest';
import { frameMessage, hostMessage, parseFrameMessage, parseHostMessage } from './protocol';

describe('parseHostMessage', () => {
  it('accepts the messages of protocol version 1', () => {
    expect(parseHostMessage(hostMessage('connect', {}))).toEqual(hostMessage('connect', {}));
    expect(parseHostMessage(hostMessage('viewport', { top: -120, height: 700 }))).toEqual({
      source: 'story-map-host',
      version: 1,
      type: 'viewport',
      top: -120,
      height: 700,
    });
    expect(parseHostMessage(hostMessage('goto', { id: 'the-offer' }))?.type).toBe('goto');
    expect(parseHostMessage(hostMessage('hello', {}))).toEqual({ source: 'story-map-host', version: 1, type: 'hello' });
  });

  it.each([
    ['not an object', 'connect'],
    ['null', null],
    ['an array', [1, 2]],
    ['another source', { source: 'other', version: 1, type: 'connect' }],
    ['another version', { source: 'story-map-host', version: 2, type: 'connect' }],
    ['an unknown type', { source: 'story-map-host', version: 1, type: 'eval', code: 'alert(1)' }],
    ['a height of zero', { source: 'story-map-host', version: 1, type: 'viewport', top: 0, height: 0 }],
    ['a non-finite top', { source: 'story-map-host', version: 1, type: 'viewport', top: Infinity, height: 600 }],
    ['a string number', { source: 'story-map-host', version: 1, type: 'viewport', top: '0', height: 600 }],
    ['a script-looking id', { source: 'story-map-host', version: 1, type: 'goto', id: '<img src=x onerror=alert(1)>' }],
    ['an over-long id', { source: 'story-map-host', version: 1, type: 'goto', id: 'a'.repeat(101) }],
  ])('rejects %s', (_name, data) => {
    expect(parseHostMessage(data)).toBeNull();
  });

  it('keeps only the known fields', () => {
    const parsed = parseHostMessage({ ...hostMessage('goto', { id: 'dmz' }), extra: '<script>' });
    expect(parsed).toEqual(hostMessage('goto', { id: 'dmz' }));
  });
});

describe('parseFrameMessage', () => {
  it('accepts the messages of protocol version 1', () => {
    expect(parseFrameMessage(frameMessage('height', { height: 5400 }))?.type).toBe('height');
    expect(parseFrameMessage(frameMessage('stepchange', { id: 'dmz', index: 12 }))).toEqual(frameMessage('stepchange', { id: 'dmz', index: 12 }));
    expect(parseFrameMessage(frameMessage('scroll-to', { y: 300 }))?.type).toBe('scroll-to');
    expect(parseFrameMessage(frameMessage('ready', { steps: ['overview', 'dmz'] }))).toEqual(frameMessage('ready', { steps: ['overview', 'dmz'] }));
  });
  it('reads a ready without step ids (a frame of an earlier build) as one with none', () => {
    expect(parseFrameMessage({ source: 'story-map', version: 1, type: 'ready' })).toEqual(frameMessage('ready', { steps: [] }));
  });
  it.each([
    ['a negative height', { source: 'story-map', version: 1, type: 'height', height: -1 }],
    ['a fractional index', { source: 'story-map', version: 1, type: 'stepchange', id: 'dmz', index: 1.5 }],
    ['a host message', hostMessage('connect', {})],
    ['step ids that are not ids', { source: 'story-map', version: 1, type: 'ready', steps: ['dmz', '<img src=x>'] }],
    ['step ids that are not a list', { source: 'story-map', version: 1, type: 'ready', steps: 'dmz' }],
  ])('rejects %s', (_name, data) => {
    expect(parseFrameMessage(data)).toBeNull();
  });
});

describe('the limits of a valid message', () => {
  const host = (fields: Record<string, unknown>) => parseHostMessage({ source: 'story-map-host', version: 1, ...fields });
  const frame = (fields: Record<string, unknown>) => parseFrameMessage({ source: 'story-map', version: 1, ...fields });

  it('takes pixel values up to ten million, and no further', () => {
    expect(frame({ type: 'height', height: 1e7 })).toEqual(frameMessage('height', { height: 1e7 }));
    expect(frame({ type: 'height', height: 1e7 + 1 })).toBeNull();
    expect(frame({ type: 'height', height: 0 })).toEqual(frameMessage('height', { height: 0 }));
    expect(frame({ type: 'height', height: NaN })).toBeNull();
    expect(frame({ type: 'scroll-to', y: 0 })).toEqual(frameMessage('scroll-to', { y: 0 }));
    expect(frame({ type: 'scroll-to', y: -1 })).toBeNull();
    expect(frame({ type: 'scroll-to', y: 1e7 + 1 })).toBeNull();
  });

  it('takes a viewport above the frame (a negative top) and at least one pixel high', () => {
    expect(host({ type: 'viewport', top: -1e7, height: 1 })).toEqual(hostMessage('viewport', { top: -1e7, height: 1 }));
    expect(host({ type: 'viewport', top: -1e7 - 1, height: 600 })).toBeNull();
    expect(host({ type: 'viewport', top: 1e7 + 1, height: 600 })).toBeNull();
    expect(host({ type: 'viewport', top: 0, height: 0.5 })).toBeNull();
    expect(host({ type: 'viewport', top: 0, height: 1e7 + 1 })).toBeNull();
    expect(host({ type: 'viewport', top: 0 })).toBeNull();
  });

  it('takes step ids of the story form, up to 100 characters', () => {
    expect(host({ type: 'goto', id: 'a'.repeat(100) })).toEqual(hostMessage('goto', { id: 'a'.repeat(100) }));
    for (const id of ['hanoi-2019', 'a', 'x1-y2-z3']) expect(host({ type: 'goto', id })).toEqual(hostMessage('goto', { id }));
    for (const id of ['', 'Hanoi', 'hanoi-', '-hanoi', 'a--b', 'dmz ', ' dmz', 'dmz\n', 'x<dmz', 'dmz>x', 7]) expect(host({ type: 'goto', id }), String(id)).toBeNull();
  });

  it('takes a step change at any step from the first, by a whole index', () => {
    expect(frame({ type: 'stepchange', id: 'dmz', index: 0 })).toEqual(frameMessage('stepchange', { id: 'dmz', index: 0 }));
    expect(frame({ type: 'stepchange', id: 'dmz', index: -1 })).toBeNull();
    expect(frame({ type: 'stepchange', id: 'dmz', index: '3' })).toBeNull();
    expect(frame({ type: 'stepchange', id: 'Dmz', index: 3 })).toBeNull();
  });

  it('takes up to 1000 step ids, and copies them', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => `step-${i}`);
    const ready = frame({ type: 'ready', steps });
    expect(ready).toEqual(frameMessage('ready', { steps }));
    steps.pop();
    expect(ready?.type === 'ready' && ready.steps).toHaveLength(1000);
    expect(frame({ type: 'ready', steps: [...steps, 'one-more', 'and-another'] })).toBeNull();
    expect(frame({ type: 'ready', steps: { 0: 'dmz', length: 1 } })).toBeNull();
  });

  it('needs a type, as text', () => {
    expect(host({})).toBeNull();
    expect(host({ type: ['connect'] })).toBeNull();
    expect(frame({ type: null })).toBeNull();
    expect(frame({ type: 'eval', code: 'alert(1)' })).toBeNull();
    expect(parseFrameMessage(undefined)).toBeNull();
    expect(parseHostMessage({ source: 'story-map-host', type: 'connect' })).toBeNull();
    expect(parseFrameMessage({ version: 1, type: 'height', height: 10 })).toBeNull();
  });
});
