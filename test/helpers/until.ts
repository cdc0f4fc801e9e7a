// Waiting for the booking model in Node tests: its queries answer over real HTTP, so a test waits
// until what it checks holds (a condition, not a fixed delay).
import { expect, vi } from 'vitest';

export const until = (check: () => unknown) => vi.waitFor(() => expect(check()).toBeTruthy(), { timeout: 3000, interval: 5 });
