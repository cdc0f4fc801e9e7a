// Small readers for loosely typed wire values: ids as numbers or strings, booleans as 0/1/"1",
// objects that turn into `[]` when empty. Every normaliser reads the answer through these.

export type WireObject = Record<string, unknown>;

export function isObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object, or an empty one for `[]`, null and anything else (the API writes `[]` for "no object"). */
export function obj(value: unknown): WireObject {
  return isObject(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  // Some lists arrive as objects keyed by id.
  if (isObject(value)) return Object.values(value);
  return [];
}

/** A finite number from a number or numeric string, else undefined. */
export function optNum(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function num(value: unknown, fallback = 0): number {
  return optNum(value) ?? fallback;
}

export function optBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    if (s === '1' || s === 'true') return true;
    if (s === '0' || s === 'false' || s === '') return false;
  }
  return undefined;
}

export function bool(value: unknown, fallback = false): boolean {
  return optBool(value) ?? fallback;
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A non-empty string, else undefined (for optional fields). */
export function optStr(value: unknown): string | undefined {
  const s = str(value);
  return s === '' ? undefined : s;
}

/** The first value that is present (not undefined or null): for names that differ between prose and examples. */
export function pick(source: WireObject, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = source[key];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** YYYY-MM-DD from a date or an ISO datetime, read in the offset it was written in. */
export function datePart(value: unknown): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(str(value).trim());
  return match?.[1];
}

/** Stable sort by weight, heaviest first (the API's documented display order). */
export function byWeightDesc<T extends { weight: number }>(items: T[], tie?: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.weight - a.item.weight || (tie ? tie(a.item, b.item) : 0) || a.index - b.index)
    .map(({ item }) => item);
}
