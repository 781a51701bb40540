// The duplicate check's one statement (open tickets among the band index's candidates, and the
// caller's earlier tickets by phone) as a PL/pgSQL function: its two queries are planned once
// per connection (generic plans) instead of on every request analysis, which on PGlite also
// skips the size check of every index of `tickets` that planning makes (one file-system call
// each). Measured on PGlite: 0.62 → 0.35 ms per call (docs/benchmarks.md, analyze).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`
create or replace function lx_duplicate_candidates(
  p_ids uuid[], p_limit int, p_phone text, p_since timestamptz, p_exclude uuid, p_phone_limit int)
returns table (src text, id uuid, number text, title text, content text, status text, division_code text,
  category_code text, contact_phone text, received_at timestamptz)
language plpgsql stable
set plan_cache_mode = force_generic_plan
as $$
begin
  if cardinality(p_ids) > 0 then
    return query
      select 'dup'::text, t.id, t.number, t.title, t.content, t.status, t.division_code, t.category_code, t.contact_phone, t.received_at
      from tickets t
      where t.id = any(p_ids) and t.status not in ('closed', 'merged')
      order by t.received_at desc limit p_limit;
  end if;
  if p_phone is not null then
    return query
      select 'phone'::text, t.id, t.number, t.title, t.content, t.status, t.division_code, t.category_code, t.contact_phone, t.received_at
      from tickets t
      where t.contact_phone = p_phone and t.received_at >= p_since and t.id <> p_exclude
      order by t.received_at desc limit p_phone_limit;
  end if;
end
$$`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop function if exists lx_duplicate_candidates(uuid[], int, text, timestamptz, uuid, int)').execute(db);
}
