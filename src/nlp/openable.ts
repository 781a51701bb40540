// Which past tickets named to a caller (duplicates, reply suggestions) they may open, by the
// policy's ticket scope. The centre's division scope is decided from the tickets' divisions in
// memory (the place index holds the paths), as the policy's canSeeTicket does: analysis runs at
// every pause in typing, and a query more costs ~0.5 ms at the median. Other scopes ask the database.
import type { Deps } from '../server/deps.ts';
import { canSeeTicketInDivision, type TicketScope } from '../auth/policy.ts';
import { visibleTicketIds } from '../tickets/list.repo.ts';
import { placeIndex } from './address/parse-place.ts';

export async function openableTickets(deps: Pick<Deps, 'db'>, scope: TicketScope, items: { id: string; divisionCode?: string | null }[]): Promise<Set<string>> {
  if (scope.kind === 'all') return new Set(items.map((i) => i.id));
  if (scope.kind === 'division') {
    const index = await placeIndex(deps);
    return new Set(items.filter((i) => canSeeTicketInDivision(scope.path, i.divisionCode ? (index.byCode.get(i.divisionCode)?.path ?? '') : null)).map((i) => i.id));
  }
  return visibleTicketIds(deps.db, scope, [...new Set(items.map((i) => i.id))]);
}

/** Suggestions with whether the caller may open each one's ticket (the UI links it then); the division used is not shown. */
export function withCanOpen<T extends { ticketId: string; divisionCode?: string | null }>(items: T[], open: Set<string>): (Omit<T, 'divisionCode'> & { canOpen: boolean })[] {
  return items.map(({ divisionCode: _, ...i }) => ({ ...i, canOpen: open.has(i.ticketId) }));
}

export async function markOpenable<T extends { ticketId: string; divisionCode?: string | null }>(deps: Pick<Deps, 'db'>, scope: TicketScope, items: T[]) {
  return withCanOpen(items, await openableTickets(deps, scope, items.map((i) => ({ id: i.ticketId, divisionCode: i.divisionCode }))));
}
