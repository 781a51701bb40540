// Time-limit (SLA) policies: shared schemas for server, web and CLI.
import { z } from 'zod';
import { Page } from './common.ts';
import { RequestType, Urgency } from './enums.ts';

export const STAGES = ['dispatch', 'sign', 'reply', 'return_window', 'callback', 'redispatch'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;
export const PolicyUnit = z.enum(['hours', 'working_days']);
export type PolicyUnit = z.infer<typeof PolicyUnit>;
export const Light = z.enum(['green', 'yellow', 'red']);
export type Light = z.infer<typeof Light>;

export const TimeLimitPolicy = z.object({
  id: z.string(),
  stage: Stage,
  urgency: Urgency.nullable(),
  requestType: RequestType.nullable(),
  amount: z.number(),
  unit: PolicyUnit,
  note: z.string().nullable(),
});
export type TimeLimitPolicy = z.infer<typeof TimeLimitPolicy>;

const policyFields = {
  stage: Stage,
  urgency: Urgency.nullish(),
  requestType: RequestType.nullish(),
  /** Hours may be fractional (0.5 = 30 minutes); working days are whole. At most a year. */
  amount: z.number().positive().max(8784),
  unit: PolicyUnit,
  note: z.string().trim().max(200).nullish(),
};
const wholeWorkingDays = (p: { amount: number; unit: string }) => p.unit !== 'working_days' || (Number.isInteger(p.amount) && p.amount <= 366);
const wholeMsg = { message: 'working_days must be a whole number ≤ 366', path: ['amount'] };
export const TimeLimitPolicyBody = z.object(policyFields).refine(wholeWorkingDays, wholeMsg);
export const TimeLimitPolicyPatch = z.object({ amount: policyFields.amount, unit: PolicyUnit, note: policyFields.note }).refine(wholeWorkingDays, wholeMsg);
export const TimeLimitPolicyListQuery = Page.extend({ stage: Stage.optional() });

/** What the SLA sweep tells a unit (催办, overdue) or the centre (overdue dispatch, callback tasks) about a ticket… */
export const TICKET_ALERT_KINDS = [
  'remind_dispatch', 'overdue_dispatch', 'remind_sign', 'remind_reply', 'overdue_sign', 'overdue_reply', 'callback_task', 'remind_supervised',
] as const;
/** …and a proactive case's lead unit about its case. */
export const CASE_ALERT_KINDS = ['remind_case', 'overdue_case'] as const;
export const NOTIFICATION_KINDS = [...TICKET_ALERT_KINDS, ...CASE_ALERT_KINDS] as const;
export const Notification = z.object({
  id: z.number().int(),
  kind: z.string(),
  body: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  /** A proactive case's alert (remind_case, overdue_case) points at the case instead of a ticket. */
  caseId: z.string().nullable(),
  caseTitle: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationQuery = Page.extend({ unread: z.enum(['true', 'false']).optional() });
