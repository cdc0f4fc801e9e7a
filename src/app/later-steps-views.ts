// The lazily loaded chunk: the team member step and every view after it (see later-steps.tsx).
import { h } from 'preact';
import type { BookingModel } from '../flow/model';
import { addEnglish } from '../i18n';
import { GroupStep } from '../steps/group/GroupStep';
import { enLater } from '../i18n/en-later';
import { ConfirmStep } from '../steps/ConfirmStep';
import { ContactStep } from '../steps/ContactStep';
import { DateStep } from '../steps/DateStep';
import { SuccessScreen } from '../steps/SuccessScreen';
import { StaffStep } from '../steps/StaffStep';
import { BookingRail } from '../steps/Summary';
import { TimeStep } from '../steps/TimeStep';

export const LATER_STEPS = { staff: StaffStep, date: DateStep, time: TimeStep, contact: ContactStep, confirm: ConfirmOrSeats, success: SuccessScreen, rail: BookingRail, group: GroupStep };

/** Confirming group-event seats is the group part's own step. */
function ConfirmOrSeats({ model }: { model: BookingModel }) {
  return model.choices.value?.recordType === 'events' ? h(GroupStep, { model }) : h(ConfirmStep, { model });
}

addEnglish(enLater);
