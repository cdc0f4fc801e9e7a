// The lazily loaded chunk: the team member step and every view after it (see later-steps.tsx).
import { addEnglish } from '../i18n';
import { enLater } from '../i18n/en-later';
import { ConfirmStep } from '../steps/ConfirmStep';
import { ContactStep } from '../steps/ContactStep';
import { DateStep } from '../steps/DateStep';
import { SuccessScreen } from '../steps/SuccessScreen';
import { StaffStep } from '../steps/StaffStep';
import { BookingRail } from '../steps/Summary';
import { TimeStep } from '../steps/TimeStep';

export const LATER_STEPS = { staff: StaffStep, date: DateStep, time: TimeStep, contact: ContactStep, confirm: ConfirmStep, success: SuccessScreen, rail: BookingRail };

addEnglish(enLater);
