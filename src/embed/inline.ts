// Inline mode: the widget renders at once into the loader's shadow root, where it was placed.
// The mounted widget's host API is already every control the loader needs.
import { mountForHost } from './app';
import type { StartMode } from './context';

export const start: StartMode = (context) => mountForHost(context, context.shadow);
