// Kysely table types. Keep in step with src/db/migrations.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Ts = ColumnType<Date, Date | string, Date | string>;
type TsDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, T | string, T | string>;
type JsonDefault<T = unknown> = ColumnType<T, T | string | undefined, T | string>;

export interface DivisionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  path: string;
  lat: number | null;
  lng: number | null;
  created_at: TsDefault;
}
export interface DivisionGeoTable {
  code: string;
  geojson: Json;
  updated_at: TsDefault;
}
export interface UnitsTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: string | null;
  division_code: string | null;
  is_fallback: Generated<boolean>;
  whitelist_only: Generated<boolean>;
  active: Generated<boolean>;
  path: Generated<string>;
  created_at: TsDefault;
}
export interface CategoriesTable {
  code: string;
  name: string;
  name_en: string | null;
  level: number;
  parent_code: string | null;
  keywords: Generated<string>;
  active: Generated<boolean>;
  /** when the keywords were last set ('-infinity' for categories older than migration 0012) */
  keywords_at: TsDefault;
}
export interface UnitWhitelistTable {
  unit_id: string;
  category_code: string;
}
export interface UsersTable {
  id: Generated<string>;
  username: string;
  password_hash: string | null;
  display_name: string;
  role: string;
  unit_id: string | null;
  division_code: string | null;
  phone: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Ts | null;
  created_at: TsDefault;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: TsDefault;
  expires_at: Ts;
}
export interface RoutingRulesTable {
  id: Generated<string>;
  category_code: string | null;
  division_code: string | null;
  lead_unit_id: string;
  co_unit_ids: JsonDefault<string[]>;
  priority: Generated<number>;
  note: string | null;
  active: Generated<boolean>;
  created_at: TsDefault;
}
export interface TimeLimitPoliciesTable {
  id: Generated<string>;
  stage: string;
  urgency: string | null;
  request_type: string | null;
  amount: number;
  unit: string;
  note: string | null;
}
export interface HolidayOverridesTable {
  day: string;
  kind: string;
  note: string | null;
}
export interface ScopeRulesTable {
  code: string;
  title: string;
  title_en: string | null;
  basis: string;
}
export interface KbArticlesTable {
  id: Generated<string>;
  title: string;
  body: string;
  category_code: string | null;
  keywords: Generated<string>;
  active: Generated<boolean>;
  updated_at: TsDefault;
}
export interface TicketNumberSeqTable {
  day: string;
  last: number;
}
export interface TicketsTable {
  id: Generated<string>;
  number: string;
  channel: string;
  request_type: string;
  urgency: string;
  category_code: string | null;
  title: string;
  content: string;
  address: string | null;
  division_code: string | null;
  lat: number | null;
  lng: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_id_number: string | null;
  anonymous: Generated<boolean>;
  confidential: Generated<boolean>;
  status: string;
  lead_unit_id: string | null;
  master_id: string | null;
  supervise_level: Generated<number>;
  received_at: Ts;
  dispatched_at: Ts | null;
  signed_at: Ts | null;
  replied_at: Ts | null;
  closed_at: Ts | null;
  dispatch_deadline: Ts | null;
  sign_deadline: Ts | null;
  reply_deadline: Ts | null;
  return_deadline: Ts | null;
  callback_deadline: Ts | null;
  reply_text: string | null;
  resolved: boolean | null;
  satisfaction: string | null;
  excluded_from_rates: Generated<boolean>;
  exclusion_reason: string | null;
  out_of_scope_rule: string | null;
  return_count: Generated<number>;
  redispatch_count: Generated<number>;
  reopen_count: Generated<number>;
  extension_count: Generated<number>;
  auto_dispatched: Generated<boolean>;
  auto_confidence: number | null;
  overdue: Generated<boolean>;
  pending_extension: Json<PendingExtension | null> | null;
  created_by: string | null;
  citizen_user_id: string | null;
  source_ref: string | null;
  last_hash: string | null;
  event_count: Generated<number>;
  created_at: TsDefault;
  updated_at: TsDefault;
  /** The transaction that wrote the ticket (xid8 as text), for the duplicate index's refresh. */
  written_xid: Generated<string>;
}
export interface PendingExtension {
  requestedBy: string;
  requestedAt: string;
  days: number;
  reason: string;
}
export interface TicketUnitsTable {
  ticket_id: string;
  unit_id: string;
  role: string;
  assigned_at: TsDefault;
}
export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_role: string;
  actor_unit_id: string | null;
  at: Ts;
  note: string | null;
  data: JsonDefault<Record<string, unknown>>;
  attachments: JsonDefault<string[]>;
  public: Generated<boolean>;
  prev_hash: string | null;
  hash: string;
}
export interface AttachmentsTable {
  id: Generated<string>;
  sha256: string;
  mime: string;
  size: number;
  name: string;
  uploaded_by: string | null;
  /** the ticket it was first put on (0014): a file without an uploader is claimed once */
  ticket_id: string | null;
  created_at: TsDefault;
}
export interface PiiAccessLogTable {
  id: Generated<number>;
  user_id: string;
  ticket_id: string;
  at: TsDefault;
  purpose: Generated<string>;
}
export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: JsonDefault<Record<string, unknown>>;
  run_at: TsDefault;
  status: Generated<string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Ts | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: TsDefault;
  finished_at: Ts | null;
}
export interface TicketAlertsTable {
  ticket_id: string;
  kind: string;
  deadline: Ts;
  fired_at: TsDefault;
  fired_by: string | null;
}
export interface NotificationsTable {
  id: Generated<number>;
  unit_id: string | null;
  user_id: string | null;
  ticket_id: string | null;
  case_id: string | null;
  kind: string;
  body: string;
  created_at: TsDefault;
  read_at: Ts | null;
}
export interface NotificationReadsTable {
  notification_id: number;
  user_id: string;
  read_at: Ts;
}
export interface TrackAttemptsTable {
  key: string;
  failures: Generated<number>;
  window_start: Ts;
  locked_until: Ts | null;
}
export interface CaseAlertsTable {
  case_id: string;
  kind: string;
  deadline: Ts;
  fired_at: TsDefault;
  fired_by: string | null;
}
export interface NlpModelsTable {
  id: Generated<string>;
  kind: string;
  version: number;
  active: Generated<boolean>;
  metrics: JsonDefault<Record<string, unknown>>;
  model: Json;
  trained_on: Generated<number>;
  created_at: TsDefault;
}
export interface SettingsTable {
  key: string;
  value: Json;
}

export interface DB {
  divisions: DivisionsTable;
  division_geo: DivisionGeoTable;
  units: UnitsTable;
  categories: CategoriesTable;
  unit_whitelist: UnitWhitelistTable;
  users: UsersTable;
  sessions: SessionsTable;
  routing_rules: RoutingRulesTable;
  time_limit_policies: TimeLimitPoliciesTable;
  holiday_overrides: HolidayOverridesTable;
  scope_rules: ScopeRulesTable;
  kb_articles: KbArticlesTable;
  ticket_number_seq: TicketNumberSeqTable;
  tickets: TicketsTable;
  ticket_units: TicketUnitsTable;
  ticket_events: TicketEventsTable;
  attachments: AttachmentsTable;
  pii_access_log: PiiAccessLogTable;
  jobs: JobsTable;
  ticket_alerts: TicketAlertsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  case_alerts: CaseAlertsTable;
  track_attempts: TrackAttemptsTable;
  nlp_models: NlpModelsTable;
  settings: SettingsTable;
}

export type Ticket = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type TicketEvent = Selectable<TicketEventsTable>;
export type Unit = Selectable<UnitsTable>;
export type User = Selectable<UsersTable>;
export type Division = Selectable<DivisionsTable>;
export type Category = Selectable<CategoriesTable>;

// 0004_nlp_signals (landmarks, duplicate signatures, hotspot cases) — merged into DB.
export interface NlpLandmarksTable { phrase: string; division_code: string; hits: number; total: number; confidence: number; learned_at: TsDefault }
export interface TicketSignaturesTable { ticket_id: string; bands: string[]; minhash: number[]; shingle_count: number; indexed_at: TsDefault; written_xid: Generated<string> }
export interface HotspotCasesTable { id: Generated<string>; title: string; division_code: string | null; status: Generated<string>; note: string | null; score: JsonDefault<Record<string, unknown>>; period_from: Ts | null; period_to: Ts | null; created_by: string | null; created_at: TsDefault; result: string | null; closed_at: Ts | null; closed_by: string | null; progress_count: Generated<number>; lead_unit_id: string | null; due_at: Ts | null }
export interface HotspotCaseMembersTable { case_id: string; ticket_id: string; added_at: TsDefault }
export interface DB { nlp_landmarks: NlpLandmarksTable; ticket_signatures: TicketSignaturesTable; hotspot_cases: HotspotCasesTable; hotspot_case_members: HotspotCaseMembersTable }
