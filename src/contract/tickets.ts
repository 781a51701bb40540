// Ticket API contract: request bodies and responses, shared by server, web and CLI.
import { z } from 'zod';
import { Channel, EMERGENCY_SERVICES, EmergencyService, RequestType, Satisfaction, Status, Urgency } from './enums.ts';
import { PhoneNumber, Text, canonicalPhone } from './common.ts';

const Phone = PhoneNumber;
const Code = z.string().trim().regex(/^[0-9A-Za-z._-]{1,40}$/, 'invalid code');

export const CreateTicketBody = z.object({
  content: Text(5000).pipe(z.string().min(2, 'content is required')),
  title: Text(100).optional(),
  type: RequestType.optional(),
  urgency: Urgency.optional(),
  categoryCode: Code.optional(),
  divisionCode: Code.optional(),
  address: Text(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  channel: Channel.optional(),
  contact: z.object({
    phone: Phone,
    name: Text(50).optional(),
    idNumber: z.string().trim().regex(/^[0-9]{17}[0-9Xx]$/, 'invalid ID number').optional(),
    anonymous: z.boolean().optional(),
    confidential: z.boolean().optional(),
  }),
  attachments: z.array(z.string().uuid()).max(9).optional(),
  /** Staff: dispatch straight away to this unit instead of routing rules. */
  leadUnitId: z.string().uuid().optional(),
  coUnitIds: z.array(z.string().uuid()).max(10).optional(),
  /** Grid worker: solved on the spot (直办), saying what was done (required then; the ticket's answer). */
  solvedOnSite: z.boolean().optional(),
  onSiteResult: z.string().trim().max(2000).optional(),
  /** Staff entering history: when it was received (ISO). */
  receivedAt: z.string().datetime({ offset: true }).optional(),
  /** Centre staff: keep it at intake (no routing) because a direct answer, refusal or transfer follows. */
  hold: z.boolean().optional(),
  /** Hotline: attach as duplicate of this master ticket. */
  mergeInto: z.string().uuid().optional(),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const Deadlines = z.object({
  dispatch: z.string().nullable(),
  sign: z.string().nullable(),
  reply: z.string().nullable(),
  returnWindow: z.string().nullable(),
  callback: z.string().nullable(),
});

export const CreateTicketResponse = z.object({
  id: z.string(),
  number: z.string(),
  status: Status,
  deadlines: Deadlines,
  leadUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  autoDispatched: z.boolean(),
  /** the text points to an emergency service (燃气泄漏 → 119, 有人受伤 → 120, 持刀 → 110): tell the caller to call it now */
  callNow: EmergencyService.nullable(),
});

export const TransitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('direct_answer'), text: Text(5000).pipe(z.string().min(1)), kbArticleId: z.string().uuid().optional() }),
  z.object({ action: z.literal('out_of_scope'), ruleCode: Code, note: Text(2000).optional() }),
  z.object({ action: z.literal('transfer'), target: z.enum([...EMERGENCY_SERVICES, 'expert']), note: Text(2000).optional() }),
  // categoryCode: the dispatcher sets or corrects the category with the dispatch (the final category is what the classifier learns from)
  z.object({ action: z.literal('dispatch'), leadUnitId: z.string().uuid().optional(), coUnitIds: z.array(z.string().uuid()).max(10).optional(), categoryCode: Code.optional(), note: Text(2000).optional(), basis: Text(2000).optional() }),
  z.object({ action: z.literal('redispatch'), leadUnitId: z.string().uuid(), coUnitIds: z.array(z.string().uuid()).max(10).optional(), categoryCode: Code.optional(), note: Text(2000).optional(), basis: Text(2000).optional() }),
  z.object({ action: z.literal('sign'), note: Text(2000).optional() }),
  z.object({ action: z.literal('progress'), note: Text(2000).pipe(z.string().min(1)), attachments: z.array(z.string().uuid()).max(9).optional(), public: z.boolean().optional() }),
  z.object({ action: z.literal('pass_down'), unitId: z.string().uuid(), note: Text(2000).optional(), basis: Text(2000).optional() }),
  z.object({ action: z.literal('reply'), text: Text(5000).pipe(z.string().min(2)), attachments: z.array(z.string().uuid()).max(9).optional() }),
  z.object({ action: z.literal('return'), reason: Text(2000).pipe(z.string().min(2)), basis: Text(2000).optional() }),
  z.object({ action: z.literal('extension_request'), days: z.number().int().min(1).max(60), reason: Text(2000).pipe(z.string().min(2)) }),
  z.object({ action: z.literal('extension_approve'), note: Text(2000).optional() }),
  z.object({ action: z.literal('extension_deny'), note: Text(2000).optional() }),
  z.object({ action: z.literal('supervise'), level: z.union([z.literal(1), z.literal(2)]), note: Text(2000).optional() }),
  z.object({ action: z.literal('summon'), unitIds: z.array(z.string().uuid()).min(1).max(10), note: Text(2000).optional() }),
  z.object({ action: z.literal('merge'), masterId: z.string().uuid(), note: Text(2000).optional() }),
  z.object({ action: z.literal('callback'), resolved: z.boolean(), satisfaction: Satisfaction, note: Text(2000).optional() }),
  z.object({ action: z.literal('reopen'), reason: Text(2000).pipe(z.string().min(2)) }),
  z.object({ action: z.literal('close'), note: Text(2000).optional() }),
  z.object({ action: z.literal('exclude'), reason: Text(2000).pipe(z.string().min(2)) }),
  z.object({ action: z.literal('note'), note: Text(2000).pipe(z.string().min(1)), attachments: z.array(z.string().uuid()).max(9).optional() }),
]);
export type TransitionBody = z.infer<typeof TransitionBody>;
export type TransitionAction = TransitionBody['action'];

export const TicketEventView = z.object({
  seq: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.string()),
  public: z.boolean(),
});

export const Light = z.enum(['green', 'yellow', 'red']).nullable();

export const TicketSummary = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: Status,
  channel: Channel,
  type: RequestType,
  urgency: Urgency,
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  receivedAt: z.string(),
  deadline: z.string().nullable(),
  light: Light,
  overdue: z.boolean(),
  superviseLevel: z.number(),
  returnCount: z.number(),
  reopenCount: z.number(),
  autoDispatched: z.boolean(),
  contactPhone: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketDetail = TicketSummary.extend({
  content: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  contactIdNumber: z.string().nullable(),
  contactVisible: z.boolean(),
  masterId: z.string().nullable(),
  deadlines: Deadlines,
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  replyText: z.string().nullable(),
  resolved: z.boolean().nullable(),
  satisfaction: Satisfaction.nullable(),
  excludedFromRates: z.boolean(),
  outOfScopeRule: z.string().nullable(),
  pendingExtension: z.object({ days: z.number(), reason: z.string(), requestedAt: z.string() }).nullable(),
  autoConfidence: z.number().nullable(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  events: z.array(TicketEventView),
  allowedActions: z.array(z.string()),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const ListTicketsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: z.union([Status, z.string().regex(/^[a-z_,]+$/)]).optional(),
  unitId: z.string().uuid().optional(),
  categoryCode: Code.optional(),
  divisionCode: Code.optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  supervised: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  phone: z.string().max(30).transform(canonicalPhone).optional(),
  queue: z.enum(['dispatch', 'inbox', 'extensions', 'callback']).optional(),
  sort: z.enum(['received_desc', 'deadline_asc', 'urgency']).optional(),
}).refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] });
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

export const TrackResponse = z.object({
  number: z.string(),
  title: z.string(),
  status: Status,
  type: RequestType,
  receivedAt: z.string(),
  handlingUnit: z.string().nullable(),
  deadline: z.string().nullable(),
  replyText: z.string().nullable(),
  canRate: z.boolean(),
  satisfaction: Satisfaction.nullable(),
  events: z.array(z.object({ action: z.string(), toStatus: z.string(), at: z.string(), unitName: z.string().nullable(), note: z.string().nullable() })),
  /** merged (并案): the ticket it follows, as far as this citizen may know it (not its number: another caller's) */
  mergedInto: z.object({ status: Status, handlingUnit: z.string().nullable(), deadline: z.string().nullable() }).nullable(),
});
export type TrackResponse = z.infer<typeof TrackResponse>;

export const RateBody = z.object({
  phone: z.string().regex(/^[0-9]{4}$/),
  resolved: z.boolean(),
  satisfaction: Satisfaction,
  comment: Text(1000).optional(),
});

/** The note on a master ticket's timeline when another ticket is merged into it (the web shows it in the reader's language). */
export const mergedInNote = (number: string) => `并案：${number}`;
