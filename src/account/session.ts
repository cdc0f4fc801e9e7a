// Where the signed-in visitor is remembered: this tab's sessionStorage, so the token goes with the
// tab and never outlives it (never localStorage); in memory alone where storage is refused
// (sandboxed frames, some private modes). Only the token and the visitor's own contact details.
import type { UserSession } from '../api/types-events';

import { SESSION_KEY } from './entry';

export { SESSION_KEY };

export interface SessionStore {
  read(): UserSession | null;
  write(session: UserSession | null): void;
}

export function sessionStore(storage: () => Storage | null = tabStorage): SessionStore {
  let memory: UserSession | null = null;
  return {
    read() {
      try {
        const raw = storage()?.getItem(SESSION_KEY);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        if (isSession(parsed)) return (memory = parsed);
      } catch {
        // unreadable: memory has the last word
      }
      return memory;
    },
    write(session) {
      memory = session;
      try {
        if (session) storage()?.setItem(SESSION_KEY, JSON.stringify(session));
        else storage()?.removeItem(SESSION_KEY);
      } catch {
        // refused: kept in memory only, for this page
      }
    },
  };
}

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isSession(v: unknown): v is UserSession {
  const s = v as UserSession | null;
  return !!s && typeof s.token === 'string' && !!s.token && !!s.user && typeof s.user.phone === 'string';
}
