// The dispatcher queue's suggestions, for a page of tickets at once: each ticket's whole text
// (title, content, address) and place give its top categories and up to 3 units, leaving out the
// units it was already with (the lead, former leads: suggesting them again would bounce it).
import type { Deps } from '../server/deps.ts';
import type { TicketScope } from '../auth/policy.ts';
import type { DispatchSuggestionsResponse } from '../contract/nlp.ts';
import { visibleTicketIds } from '../tickets/list.repo.ts';
import { knownDivision } from './address/parse-place.ts';
import { understand } from './analyze.ts';
import { normalize } from './normalize.ts';
import { suggestedUnits } from './suggest-units.ts';
import { findDuplicates, presentDuplicate, type DuplicateHit } from './dedupe/find-duplicates.ts';
import { localAuthorities, ticketsForDispatchSuggestions } from './nlp.repo.ts';

const CATEGORIES_SHOWN = 3;

async function localOnes(deps: Deps, path: string, tried: Set<string>) {
  const chain = path.split('/').filter(Boolean).reverse(); // nearest first
  const rows = (await localAuthorities(deps.db, chain)).filter((r) => !tried.has(r.id));
  rows.sort((a, b) => chain.indexOf(a.division_code!) - chain.indexOf(b.division_code!));
  return rows.slice(0, 2).map((r) => ({ id: r.id, name: r.name, confidence: 0, local: true as const }));
}

/** Tickets the caller may not see are left out (as if they did not exist). */
export async function dispatchSuggestions(deps: Deps, scope: TicketScope, ticketIds: string[]): Promise<DispatchSuggestionsResponse> {
  const ids = [...new Set(ticketIds)];
  const visible = await visibleTicketIds(deps.db, scope, ids);
  const tickets = await ticketsForDispatchSuggestions(deps.db, ids.filter((id) => visible.has(id)));
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const items: DispatchSuggestionsResponse['items'] = [];
  const duplicatesOf = new Map<string, DuplicateHit[]>();
  for (const id of ids) {
    const t = byId.get(id);
    if (!t) continue;
    const text = normalize(`${t.title} ${t.content}`);
    const given = t.division_code ? await knownDivision(deps, t.division_code) : null;
    const u = await understand(deps, { text, title: t.title, address: t.address, divisionCode: given?.code ?? null, given });
    const top = u.categories[0] ?? null;
    // one more than shown, so that leaving out a unit already tried still leaves three
    let units: DispatchSuggestionsResponse['items'][number]['units'] = (await suggestedUnits(deps, u.predicted, top, u.divisionCode, 4)).filter((x) => !t.tried.has(x.id)).slice(0, 3);
    // every unit the matter belongs to was tried (the only rule's unit returned it): the place's
    // own authorities (属地), nearest first — what a dispatcher turns to then
    if (!units.length && given) units = await localOnes(deps, given.path, t.tried);
    // the same matter already open (another caller, or the same one again): merge candidates
    duplicatesOf.set(id, (await findDuplicates(deps, { text, normalized: true, divisionCode: u.divisionCode, excludeTicketId: id })).duplicates);
    items.push({ ticketId: id, categories: u.categories.slice(0, CATEGORIES_SHOWN), units, place: u.shownPlace, duplicates: [] });
  }
  // one query for the page says which of them the caller may see
  const all = [...new Set([...duplicatesOf.values()].flat().map((d) => d.id))];
  const seen = all.length ? await visibleTicketIds(deps.db, scope, all) : new Set<string>();
  for (const item of items) {
    item.duplicates = (duplicatesOf.get(item.ticketId) ?? []).filter((d) => seen.has(d.id)).map(presentDuplicate);
  }
  return { items };
}
