// @vitest-environment jsdom
// The frame protocol's checks: only our envelope, from the expected origin and window, in the
// expected namespace, of a type this side accepts; and never posted to '*'.
import { describe, expect, it, vi } from 'vitest';
import { accept, ENVELOPE, HOST_MESSAGES, listen, post, WIDGET_MESSAGES, type HostMessage, type WidgetMessage } from '../src/protocol';

const WIDGET_ORIGIN = 'https://widget.example';
const frame = { postMessage: vi.fn() } as unknown as Window;
const options = { origin: WIDGET_ORIGIN, source: () => frame as MessageEventSource, ns: 'salon', types: WIDGET_MESSAGES };

function event(data: unknown, origin = WIDGET_ORIGIN, source: unknown = frame): MessageEvent {
  return new MessageEvent('message', { data, origin, source: source as MessageEventSource });
}
const resize = { source: ENVELOPE, ns: 'salon', type: 'resize', payload: { height: 640 } };

describe('accepting a message', () => {
  it('takes a well-formed message from the expected origin and window', () => {
    expect(accept<WidgetMessage>(event(resize), options)).toEqual({ type: 'resize', payload: { height: 640 } });
  });

  it('ignores a message from a foreign origin, even with the right envelope', () => {
    expect(accept(event(resize, 'https://evil.example'), options)).toBeUndefined();
  });

  it('ignores a message from another window of the right origin', () => {
    expect(accept(event(resize, WIDGET_ORIGIN, window), options)).toBeUndefined();
  });

  it('ignores a message without our envelope name, or for another namespace', () => {
    expect(accept(event({ ...resize, source: 'other-widget' }), options)).toBeUndefined();
    expect(accept(event({ type: 'resize', payload: { height: 1 } }), options)).toBeUndefined();
    expect(accept(event({ ...resize, ns: 'other' }), options)).toBeUndefined();
  });

  it('takes the frame’s title on the host side only', () => {
    const title = { ...resize, type: 'title', payload: { title: 'Pierakstīšanās vizītei' } };
    expect(accept<WidgetMessage>(event(title), options)).toEqual({ type: 'title', payload: { title: 'Pierakstīšanās vizītei' } });
    expect(accept(event(title), { ...options, types: HOST_MESSAGES })).toBeUndefined();
  });

  it('ignores a type this side does not accept, and malformed data', () => {
    expect(accept(event({ ...resize, type: 'prefill' }), options)).toBeUndefined(); // host→widget only
    expect(accept(event({ ...resize, payload: 'x' }), options)).toBeUndefined();
    expect(accept(event('booking-widget'), options)).toBeUndefined();
    expect(accept(event(null), options)).toBeUndefined();
  });

  it('listen() calls the handler for ours only, and stops when asked', () => {
    const target = new EventTarget() as unknown as Window;
    const handler = vi.fn();
    const stop = listen<WidgetMessage>(options, handler, target);
    target.dispatchEvent(event(resize, 'https://evil.example'));
    target.dispatchEvent(event(resize));
    stop();
    target.dispatchEvent(event(resize));
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('posting a message', () => {
  it('wraps it in the named envelope and sends it to exactly one origin', () => {
    const target = { postMessage: vi.fn() } as unknown as Window;
    post<HostMessage>(target, WIDGET_ORIGIN, 'salon', { type: 'prefill', payload: { name: 'Ann' } });
    expect(target.postMessage).toHaveBeenCalledWith({ source: ENVELOPE, ns: 'salon', type: 'prefill', payload: { name: 'Ann' } }, WIDGET_ORIGIN);
  });

  it("refuses '*' and an empty origin", () => {
    const target = { postMessage: vi.fn() } as unknown as Window;
    expect(() => post<HostMessage>(target, '*', 'salon', { type: 'open', payload: {} })).toThrow();
    expect(() => post<HostMessage>(target, '', 'salon', { type: 'open', payload: {} })).toThrow();
    expect(target.postMessage).not.toHaveBeenCalled();
  });

  it('shares only open and close between the directions (a call one way, its event the other)', () => {
    const hostTypes: readonly string[] = HOST_MESSAGES;
    expect(WIDGET_MESSAGES.filter((t) => hostTypes.includes(t))).toEqual(['open', 'close']);
  });
});
