// Whether the browser believes it is online, as a signal, and a hook for when it comes back:
// the model asks again for whatever failed meanwhile, so the visitor need not press anything.
import { signal, type ReadonlySignal } from '@preact/signals';

export interface Connection {
  online: ReadonlySignal<boolean>;
  dispose(): void;
}

export function watchConnection(onBack: () => void, target: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined = globalThis.window): Connection {
  const online = signal(typeof navigator === 'undefined' || navigator.onLine !== false);
  online.name = 'online';
  if (!target) return { online, dispose: () => {} };
  const up = () => {
    online.value = true;
    onBack();
  };
  const down = () => (online.value = false);
  target.addEventListener('online', up);
  target.addEventListener('offline', down);
  return {
    online,
    dispose() {
      target.removeEventListener('online', up);
      target.removeEventListener('offline', down);
    },
  };
}
