// Request understanding: analyze, reply suggestions, hotspots and proactive cases. Times are ISO strings.
import { z } from 'zod';
import { Page, Text, canonicalPhone } from './common.ts';
import { EmergencyService, RequestType, Urgency } from './enums.ts';
import { DivisionCodeInput } from './divisions.ts';

export const AnalyzeBody = z.object({
  title: Text(200).optional(),
  content: Text(20000).pipe(z.string().min(1)),
  /** as typed so far (the repeat-caller check uses its digits), so not held to a full number */
  phone: z.string().trim().max(40).transform(canonicalPhone).optional(),
  divisionCode: DivisionCodeInput.optional(),
  /** the address as typed (详细地址): the place is read from it first, then from the text */
  address: Text(500).optional(),
});
export type AnalyzeBody = z.infer<typeof AnalyzeBody>;

export const ReplySuggestion = z.object({
  ticketId: z.string(),
  number: z.string(),
  title: z.string(),
  replyText: z.string(),
  resolved: z.boolean().nullable(),
  satisfaction: z.string().nullable(),
  closedAt: z.string().nullable(),
  similarity: z.number(),
  /** the caller may open that ticket (the UI links its number then) */
  canOpen: z.boolean(),
});

export const AnalyzeResponse = z.object({
  normalized: z.string(),
  /** keyword: set when an administrator's keyword of a category no model has learned yet put it here (confidence is then the model's in that branch, or 0 outside it) */
  categories: z.array(z.object({ code: z.string(), name: z.string(), confidence: z.number(), keyword: z.string().optional() })),
  /** fallback: the default (兜底) government, given because no routing rule owns the matter here; local: see below */
  units: z.array(z.object({
    id: z.string(), name: z.string(), confidence: z.number(), fallback: z.boolean().optional(),
    /** the place's own authority (属地), offered when every unit the matter belongs to was tried */
    local: z.boolean().optional(),
  })),
  requestType: RequestType,
  /** transferTo: the emergency service the cue belongs to (110 police, 119 fire, 120 ambulance); suggest110 = transferTo is 110 */
  urgency: z.object({ level: Urgency, cue: z.string().nullable(), transferTo: EmergencyService.nullable(), suggest110: z.boolean() }),
  terms: z.array(z.string()),
  place: z.object({ code: z.string(), name: z.string(), path: z.string() }).nullable(),
  /** the text names a place several divisions share (城北社区 in three counties): the ones to choose from */
  placeCandidates: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
  /** open tickets telling the same matter: with their status and time, so a merge can keep the one further along (or the older) as master */
  duplicates: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), similarity: z.number(), status: z.string(), receivedAt: z.string(), sameCaller: z.boolean().optional() })),
  repeatCaller: z.boolean(),
  /** knowledge-base articles: `snippet` to show in a list, `body` the whole answer (for 用此答复) */
  kb: z.array(z.object({ id: z.string(), title: z.string(), snippet: z.string(), body: z.string() })),
  replies: z.array(ReplySuggestion),
  /** 'model' when a trained classifier answered, 'keywords' for the fallback. */
  source: z.enum(['model', 'keywords']),
});
export type AnalyzeResponse = z.infer<typeof AnalyzeResponse>;

export const DispatchSuggestionsBody = z.object({ ticketIds: z.array(z.uuid()).min(1).max(100) });
export const DispatchSuggestionsResponse = z.object({
  items: z.array(z.object({
    ticketId: z.string(),
    categories: AnalyzeResponse.shape.categories,
    /** up to 3, the first the most likely; units the ticket was already with are left out */
    units: AnalyzeResponse.shape.units,
    place: AnalyzeResponse.shape.place,
    /** open tickets in a related place with nearly the same text (the caller may see them): 并案 candidates */
    duplicates: AnalyzeResponse.shape.duplicates,
  })),
});
export type DispatchSuggestionsResponse = z.infer<typeof DispatchSuggestionsResponse>;

export const ReplySuggestionsQuery = z.object({ ticketId: z.uuid() });
export const ReplySuggestionsResponse = z.object({ items: z.array(ReplySuggestion) });

export const HotspotsQuery = Page.extend({
  divisionCode: z.string().trim().min(1).max(40).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

const HotspotMember = z.object({
  id: z.string(), number: z.string(), title: z.string(), status: z.string(),
  /** the unit the ticket is with: the unit most members are with is the natural lead of a case */
  leadUnitId: z.string().nullable(), leadUnitName: z.string().nullable(),
});
export const Hotspot = z.object({
  key: z.string(),
  title: z.string(),
  representativeId: z.string(),
  terms: z.array(z.string()),
  place: z.string().nullable(),
  placeName: z.string().nullable(),
  size: z.number().int(),
  distinct: z.number().int(),
  /** distinct callers among the members (the score counts voices, not calls) */
  callers: z.number().int(),
  votes: z.number(),
  growth: z.number(),
  score: z.number(),
  from: z.string(),
  to: z.string(),
  members: z.array(HotspotMember),
  /** the proactive case most of the members already follow (so it is not made twice), or null */
  case: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
});
export const HotspotsResponse = z.object({
  items: z.array(Hotspot),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  from: z.string(),
  to: z.string(),
  tickets: z.number().int(),
});

export const CreateHotspotCaseBody = z.object({
  title: Text(200).pipe(z.string().min(1)),
  ticketIds: z.array(z.uuid()).min(1).max(2000),
  divisionCode: z.string().trim().min(1).max(40).optional(),
  note: Text(2000).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  score: z.record(z.string(), z.unknown()).optional(),
  /** the unit answerable for the case (牵头单位); its handlers and leaders see it and record progress */
  leadUnitId: z.uuid().optional(),
  /** deadline in working days from now (default 15, the complaint limit) */
  dueWorkingDays: z.number().int().min(1).max(250).optional(),
}).refine((b) => !b.from || !b.to || new Date(b.from) < new Date(b.to), { message: 'from must be before to', path: ['from'] });

const CaseBase = z.object({
  id: z.string(),
  title: z.string(),
  divisionCode: z.string().nullable(),
  status: z.string(),
  note: z.string().nullable(),
  score: z.unknown(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** the closing result, written to every member ticket's timeline */
  result: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** open and past its deadline */
  overdue: z.boolean(),
  progressCount: z.number().int(),
});
export const CaseProgressBody = z.object({ note: Text(2000).pipe(z.string().min(1)) });
export const CloseCaseBody = z.object({ result: Text(4000).pipe(z.string().min(1)) });
export const HotspotCase = CaseBase.extend({
  members: z.array(z.object({
    id: z.string(), number: z.string(), title: z.string(), status: z.string(), divisionCode: z.string().nullable(), receivedAt: z.string(),
  })),
});
export const HotspotCaseList = z.object({
  items: z.array(CaseBase.extend({ memberCount: z.number().int() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
