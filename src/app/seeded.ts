// What a widget started with booking_start's answer loads beside it, in one small chunk: the
// answer's reader and, on a server-rendered page, the hydration of the server's markup.
export { readStart, withStart } from '../api/start';
export { hydrateWhenReady } from './hydrate';
