// Group events as a part of the model, made (and its code loaded) only when a form offers them:
// forms without a record_type step never load it.
import type { Api } from '../../api/client';
import { lazyPart } from '../lazy-part';
import type { GroupDeps, GroupEvents } from './model';

export function groupPart(api: Api, deps: Omit<GroupDeps, 'events' | 'api'>) {
  return lazyPart<GroupEvents>('group', async () => {
    const [{ createGroupEvents }, events] = await Promise.all([import('./model'), api.events ? api.events() : Promise.reject(new Error('No group-events client'))]);
    return createGroupEvents({ ...deps, api, events });
  });
}
