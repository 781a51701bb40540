// Sending a ticket to a unit (dispatch, redispatch, auto-dispatch, reopen, pass-down): validates
// the units, enforces the community whitelist (准入清单), and computes the unit's deadlines.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Ticket, TicketUpdate } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { checkWhitelist } from '../dispatch/route.ts';
import { findUnits } from './tickets.repo.ts';
import { HOT_CONFIG_TTL_MS, memo } from '../shared/memo.ts';
import { unitDeadlines } from './deadlines.ts';

export interface DispatchPlan {
  leadUnitId: string;
  leadUnitName: string;
  coUnitIds: string[];
  patch: TicketUpdate;
}

export async function planDispatch(
  deps: Deps,
  /** The transaction to read units through, or null for intake (units memoised briefly). */
  db: Kysely<DB> | Transaction<DB> | null,
  t: Pick<Ticket, 'urgency' | 'request_type' | 'category_code'>,
  input: { leadUnitId: string; coUnitIds?: string[]; basis?: string | null; at: Date },
): Promise<DispatchPlan> {
  const co = [...new Set(input.coUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
  const ids = [input.leadUnitId, ...co];
  const units = db ? await findUnits(db, ids) : await memo(deps.db, `units:${ids.join(',')}`, HOT_CONFIG_TTL_MS, () => findUnits(deps.db, ids));
  const lead = units.find((u) => u.id === input.leadUnitId);
  if (!lead || !lead.active || units.length !== co.length + 1 || units.some((u) => !u.active)) throw new AppError('unknown_unit');
  if (lead.whitelist_only && !input.basis && !(await checkWhitelist(deps, lead.id, t.category_code))) {
    throw new AppError('not_whitelisted');
  }
  const deadlines = await unitDeadlines(deps, t, input.at);
  return {
    leadUnitId: lead.id,
    leadUnitName: lead.name,
    coUnitIds: co,
    patch: { lead_unit_id: lead.id, dispatched_at: input.at, signed_at: null, overdue: false, ...deadlines },
  };
}
