/**
 * The pathway's enums and pure helpers from the domain package, imported as plain data (the web app
 * still talks to the server only over HTTP), so one name holds in every layer.
 */
export { addDays, daysBetween, type IsoDate, osloDate } from '@bedring/domain/pathway/calendar';
export {
  type Completeness,
  type ReferralChecklist,
  type ReferralChecklistItem,
  ReferralChecklistItems,
  type ReferrerKind,
  ReferrerKinds,
  referralCompleteness,
} from '@bedring/domain/pathway/referral.rules';
export { outcomesFor, type TaskKind, type TaskOutcome } from '@bedring/domain/pathway/task.rules';
export { type DeadlineKind, DeadlineKinds, DUE_SOON_DAYS } from '@bedring/domain/pathway/time-limits.rules';
