// Core schema: places, units, people, categories, rules, policies, tickets and their events,
// attachments, the job queue and notifications. Raw SQL, the same on PGlite and PostgreSQL.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
create table divisions (
  code text primary key,
  name text not null,
  level smallint not null,              -- 1 province, 2 city, 3 county, 4 street/township, 5 village/community, 6 grid
  parent_code text references divisions(code),
  path text not null,                   -- '/35/3509/350926/' ancestors incl. self, for subtree queries
  lat double precision,
  lng double precision,
  created_at timestamptz not null default now()
);
create index divisions_parent_idx on divisions(parent_code);
create index divisions_path_idx on divisions(path text_pattern_ops);
create index divisions_name_idx on divisions(name);

create table division_geo (
  code text primary key references divisions(code) on delete cascade,
  geojson jsonb not null,
  updated_at timestamptz not null default now()
);

create table units (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null,                   -- center | government | department | street | community | grid | enterprise
  parent_id uuid references units(id),
  division_code text references divisions(code),
  is_fallback boolean not null default false,   -- 兜底: takes what no rule owns in its division
  whitelist_only boolean not null default false, -- 准入清单 applies (village/community units)
  active boolean not null default true,
  path text not null default '/',       -- '/<id>/<id>/' ancestors incl. self
  created_at timestamptz not null default now()
);
create index units_parent_idx on units(parent_id);
create index units_division_idx on units(division_code);
create index units_path_idx on units(path text_pattern_ops);

create table categories (
  code text primary key,
  name text not null,
  name_en text,
  level smallint not null,
  parent_code text references categories(code),
  keywords text not null default '',
  active boolean not null default true
);
create index categories_parent_idx on categories(parent_code);

create table unit_whitelist (
  unit_id uuid not null references units(id) on delete cascade,
  category_code text not null references categories(code) on delete cascade,
  primary key (unit_id, category_code)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  password_hash text,
  display_name text not null,
  role text not null,                   -- citizen | agent | dispatcher | handler | leader | grid | supervisor | admin
  unit_id uuid references units(id),
  division_code text references divisions(code),  -- jurisdiction for agents, dispatchers, supervisors, grid workers
  phone text,
  locale text not null default 'zh',
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now()
);
create index users_unit_idx on users(unit_id);

create table sessions (
  id text primary key,                  -- sha256 of the cookie token
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions(user_id);

create table routing_rules (
  id uuid primary key default gen_random_uuid(),
  category_code text references categories(code),  -- null: any category; matches the code and its children
  division_code text references divisions(code),   -- null: anywhere; matches the division and its subtree
  lead_unit_id uuid not null references units(id),
  co_unit_ids jsonb not null default '[]',
  priority integer not null default 0,
  note text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table time_limit_policies (
  id uuid primary key default gen_random_uuid(),
  stage text not null,                  -- dispatch | sign | reply | return_window | callback | redispatch
  urgency text,                         -- null: any
  request_type text,                    -- null: any
  amount numeric not null,
  unit text not null,                   -- hours | working_days
  note text,
  unique (stage, urgency, request_type)
);

create table holiday_overrides (
  day date primary key,
  kind text not null,                   -- workday | holiday
  note text
);

create table scope_rules (
  code text primary key,                -- rule cited when a request is not accepted (不予受理)
  title text not null,
  title_en text,
  basis text not null
);

create table kb_articles (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body text not null,
  category_code text references categories(code),
  keywords text not null default '',
  active boolean not null default true,
  updated_at timestamptz not null default now()
);

create table ticket_number_seq (
  day text primary key,
  last integer not null
);

create table tickets (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  channel text not null,
  request_type text not null,
  urgency text not null,
  category_code text references categories(code),
  title text not null,
  content text not null,
  address text,
  division_code text references divisions(code),
  lat double precision,
  lng double precision,
  contact_name text,
  contact_phone text,
  contact_id_number text,
  anonymous boolean not null default false,
  confidential boolean not null default false,
  status text not null,
  lead_unit_id uuid references units(id),
  master_id uuid references tickets(id),
  supervise_level smallint not null default 0,  -- 0 none, 1 督办, 2 挂牌督办
  received_at timestamptz not null,
  dispatched_at timestamptz,
  signed_at timestamptz,
  replied_at timestamptz,
  closed_at timestamptz,
  dispatch_deadline timestamptz,
  sign_deadline timestamptz,
  reply_deadline timestamptz,
  return_deadline timestamptz,
  callback_deadline timestamptz,
  reply_text text,
  resolved boolean,
  satisfaction text,                    -- satisfied | basic | unsatisfied
  excluded_from_rates boolean not null default false,
  exclusion_reason text,
  out_of_scope_rule text,
  return_count integer not null default 0,
  redispatch_count integer not null default 0,
  reopen_count integer not null default 0,
  extension_count integer not null default 0,
  auto_dispatched boolean not null default false,
  auto_confidence double precision,
  overdue boolean not null default false,
  pending_extension jsonb,
  created_by uuid references users(id),
  citizen_user_id uuid references users(id),
  source_ref text unique,
  last_hash text,
  event_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tickets_status_idx on tickets(status);
create index tickets_lead_unit_idx on tickets(lead_unit_id, status);
create index tickets_received_idx on tickets(received_at desc);
create index tickets_division_idx on tickets(division_code);
create index tickets_category_idx on tickets(category_code);
create index tickets_phone_idx on tickets(contact_phone);
create index tickets_master_idx on tickets(master_id);

create table ticket_units (
  ticket_id uuid not null references tickets(id) on delete cascade,
  unit_id uuid not null references units(id),
  role text not null,                   -- lead | co | former
  assigned_at timestamptz not null default now(),
  primary key (ticket_id, unit_id)
);
create index ticket_units_unit_idx on ticket_units(unit_id);

create table ticket_events (
  id bigserial primary key,
  ticket_id uuid not null references tickets(id) on delete cascade,
  seq integer not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references users(id),
  actor_role text not null,
  actor_unit_id uuid references units(id),
  at timestamptz not null,
  note text,
  data jsonb not null default '{}',
  attachments jsonb not null default '[]',
  public boolean not null default false,
  prev_hash text,
  hash text not null,
  unique (ticket_id, seq)
);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null,
  mime text not null,
  size integer not null,
  name text not null,
  uploaded_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index attachments_sha_idx on attachments(sha256);

create table pii_access_log (
  id bigserial primary key,
  user_id uuid not null references users(id),
  ticket_id uuid not null references tickets(id) on delete cascade,
  at timestamptz not null default now(),
  purpose text not null default 'view'
);
create index pii_access_ticket_idx on pii_access_log(ticket_id);

create table jobs (
  id bigserial primary key,
  name text not null,
  payload jsonb not null default '{}',
  run_at timestamptz not null default now(),
  status text not null default 'pending',  -- pending | running | done | failed
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  unique_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due_idx on jobs(status, run_at);

create table ticket_alerts (
  ticket_id uuid not null references tickets(id) on delete cascade,
  kind text not null,                   -- remind_sign | remind_reply | overdue_sign | overdue_reply | callback_task ...
  deadline timestamptz not null,
  fired_at timestamptz not null default now(),
  fired_by text,
  primary key (ticket_id, kind, deadline)
);

create table notifications (
  id bigserial primary key,
  unit_id uuid references units(id),
  user_id uuid references users(id),
  ticket_id uuid references tickets(id) on delete cascade,
  kind text not null,
  body text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_unit_idx on notifications(unit_id, created_at desc);

create table nlp_models (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  version integer not null,
  active boolean not null default false,
  metrics jsonb not null default '{}',
  model jsonb not null,
  trained_on integer not null default 0,
  created_at timestamptz not null default now(),
  unique (kind, version)
);

create table settings (
  key text primary key,
  value jsonb not null
);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
drop table if exists settings, nlp_models, notifications, ticket_alerts, jobs, pii_access_log,
  attachments, ticket_events, ticket_units, tickets, ticket_number_seq, kb_articles, scope_rules,
  holiday_overrides, time_limit_policies, routing_rules, sessions, users, unit_whitelist,
  categories, units, division_geo, divisions cascade;
`);
}
