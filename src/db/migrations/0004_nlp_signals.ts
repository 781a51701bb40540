// NLP side tables: learned landmarks (小区/学校/路 → division), near-duplicate signatures of
// tickets (MinHash LSH bands, GIN-indexed so any app node can look them up), and proactive
// hotspot cases (未诉先办) with their member tickets.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
create table nlp_landmarks (
  phrase text primary key,
  division_code text not null references divisions(code) on delete cascade,
  hits integer not null,                -- tickets mentioning the phrase in this division
  total integer not null,               -- tickets mentioning the phrase anywhere
  confidence double precision not null,
  learned_at timestamptz not null default now()
);
create index nlp_landmarks_division_idx on nlp_landmarks(division_code);

create table ticket_signatures (
  ticket_id uuid primary key references tickets(id) on delete cascade,
  bands text[] not null,                -- LSH band keys of the MinHash signature
  minhash integer[] not null,
  shingle_count integer not null,
  indexed_at timestamptz not null default now()
);
create index ticket_signatures_bands_idx on ticket_signatures using gin(bands);

create table hotspot_cases (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  division_code text references divisions(code),
  status text not null default 'open',  -- open | closed
  note text,
  score jsonb not null default '{}',
  period_from timestamptz,
  period_to timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index hotspot_cases_created_idx on hotspot_cases(created_at desc);

create table hotspot_case_members (
  case_id uuid not null references hotspot_cases(id) on delete cascade,
  ticket_id uuid not null references tickets(id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (case_id, ticket_id)
);
create index hotspot_case_members_ticket_idx on hotspot_case_members(ticket_id);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
drop table if exists hotspot_case_members, hotspot_cases, ticket_signatures, nlp_landmarks cascade;
`);
}
