// Keeps what a visitor needs before the first step in one file.
//
// The bundler (rolldown 1.2) decides by itself whether a module that the first chunk and some lazy
// chunks share stays in the first chunk or becomes a chunk of its own, and its choice flips with
// unrelated changes: adding one lazy chunk (a language's texts) moved `src/dates/` or
// `@preact/signals` into files of their own, one more request and 150–600 B more for every
// visitor. Naming the modules here makes the outcome the same whatever lazy chunks exist; lazy
// chunks still import what they share from that one file.
//
// - The hosted page (vite.config.ts, one entry): every module the entry imports statically joins
//   the entry's own chunk.
// - The script-tag build (vite.loader.config.ts): `from` names the modes' entries that start the
//   app (inline, button); what they import statically goes into one chunk, `name`, while each
//   entry keeps its own code. What the other entries (the iframe mode) import goes into a small
//   chunk of its own, `<name>-shared`, so the iframe mode never downloads the app. `host`, one of
//   those entries (inline), is the chunk itself: with preserveEntrySignatures 'allow-extension'
//   the chunk is that entry, with its `start` export, rather than a 0.1 kB file that imports it
//   (one more request, which the loader could only start once it had the loader's answer).
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export function firstChunk(name = 'index', from?: string[], host?: string): Plugin {
  const first = new Set<string>();
  const shared = new Set<string>();
  return {
    name: 'first-chunk',
    apply: 'build',
    buildEnd() {
      const reach = (starts: string[]) => {
        const seen = new Set<string>();
        for (let queue = [...starts], id = queue.shift(); id !== undefined; id = queue.shift()) {
          if (seen.has(id)) continue;
          seen.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const starts = from?.map((file) => resolve(file)) ?? entries;
      const others = from ? reach(entries.filter((id) => !starts.includes(id))) : new Set<string>();
      for (const id of others) if (!entries.includes(id)) shared.add(id);
      for (const id of reach(starts)) if (!(from && entries.includes(id)) && !shared.has(id)) first.add(id);
      if (host) first.add(resolve(host));
    },
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            advancedChunks: {
              groups: [
                // The small chunk first: a group also takes in its modules' dependencies, and the app's
                // must not take the iframe mode's.
                { name: `${name}-shared`, test: (id: string) => shared.has(id), priority: 2 },
                { name, test: (id: string) => first.has(id), priority: 1 },
              ],
            },
          },
        },
      },
    }),
  };
}
