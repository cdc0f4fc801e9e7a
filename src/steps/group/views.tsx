// The group-event views by screen (GroupStep.tsx loads this chunk).
import type { GroupEvents } from '../../flow/group/model';
import type { BookingModel } from '../../flow/model';
import { EventStep } from './EventStep';
import { GroupConfirm } from './GroupConfirm';
import { RecordTypeStep } from './RecordTypeStep';

export function GroupView({ model, group }: { model: BookingModel; group: GroupEvents }) {
  const current = model.flow.value?.current;
  if (current === 'record_type') return <RecordTypeStep model={model} group={group} />;
  if (current === 'event') return <EventStep model={model} group={group} />;
  return <GroupConfirm model={model} group={group} />;
}
