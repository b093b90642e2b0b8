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
