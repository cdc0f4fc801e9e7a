// Existing bookings of the seeded business, so some days are partly booked. They are a pure function
// of (team member, date): the same day always looks the same, whatever "now" is.
import type { DemoTeamMember, Interval } from './model';
import { overlaps, workingIntervals } from './slots';

const MINUTE = 60_000;
const LENGTHS = [30, 45, 60, 60, 90];

/** FNV-1a: a small stable hash to key the generator by day and member. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny seeded PRNG, values in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0–3 bookings on a working day, on the half-hour grid, never across a break or each other. */
export function seededBusy(member: DemoTeamMember, date: string, tz: string): Interval[] {
  const working = workingIntervals(member.hours, date, tz);
  if (working.length === 0) return [];
  const random = prng(hash(`${member.id}:${date}`));
  const count = Math.floor(random() * 4);
  const busy: Interval[] = [];
  for (let i = 0; i < count * 3 && busy.length < count; i++) {
    const w = working[Math.floor(random() * working.length)];
    const length = (LENGTHS[Math.floor(random() * LENGTHS.length)] ?? 60) * MINUTE;
    if (!w || w.end - w.start < length) continue;
    const halfHours = Math.floor((w.end - w.start - length) / (30 * MINUTE));
    const start = w.start + Math.floor(random() * (halfHours + 1)) * 30 * MINUTE;
    const candidate = { start, end: start + length };
    if (!busy.some((b) => overlaps(b, candidate))) busy.push(candidate);
  }
  return busy.sort((a, b) => a.start - b.start);
}
