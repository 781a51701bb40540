// A proactive case's lifecycle, which its member tickets follow: each progress note and the
// closing result are written, in the same transaction as the case change, as a citizen-visible
// event on every member ticket's own chained timeline (so the citizen tracking a ticket, the unit
// handling it and the public board all see what the case did). Member tickets keep their own
// lifecycle: the result is there for their units to answer from, not an answer in their name.
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../auth/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { appendEvent } from '../../tickets/events.ts';
import { caseMemberIds, closeCase, countCaseProgress, inTransaction } from './hotspots.repo.ts';
import { getHotspotCase, loadCase } from './hotspots.ts';
import { mayCloseCase, mayProgressCase } from '../../auth/policy.ts';

type Step = 'progress' | 'close';

async function step(deps: Deps, actor: Actor, id: string, kind: Step, text: string) {
  const { c, access } = await loadCase(deps, actor, id); // not_found outside the actor's area
  if (!(kind === 'close' ? mayCloseCase(actor, access) : mayProgressCase(actor, access))) throw new AppError('forbidden');
  if (c.status !== 'open') throw new AppError('illegal_transition');
  const body = text.trim();
  if (!body) throw new AppError('validation');
  const members = await caseMemberIds(deps.db, id);
  await inTransaction(deps.db, async (trx) => {
    const at = deps.now();
    const ok = kind === 'close' ? await closeCase(trx, id, { result: body, closedBy: actor.id, at }) : await countCaseProgress(trx, id);
    if (!ok) throw new AppError('illegal_transition'); // closed by someone else meanwhile
    const note = kind === 'close' ? `主动治理案件「${c.title}」已办结：${body}` : `主动治理案件「${c.title}」进展：${body}`;
    // tickets locked in id order (caseMemberIds sorts), as when the case was made: no deadlock
    for (const ticketId of members) {
      await appendEvent(trx, { ticketId, action: kind === 'close' ? 'case_close' : 'case_progress', actor, at, public: true, note, data: { caseId: id } });
    }
  });
  return getHotspotCase(deps, actor, id);
}

/** Adds a progress note to an open case (and to every member's timeline). */
export function addCaseProgress(deps: Deps, actor: Actor, id: string, note: string) {
  return step(deps, actor, id, 'progress', note);
}

/** Closes an open case with its result (written to every member's timeline). */
export function closeHotspotCase(deps: Deps, actor: Actor, id: string, result: string) {
  return step(deps, actor, id, 'close', result);
}
