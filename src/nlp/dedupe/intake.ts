// Intake wiring (src/tickets/intake-hooks.ts), chained after any earlier hooks:
//   - analyze: when the caller gave no division, the place read from the text (only when one
//     division is clearly meant); when the caller gave no urgency, the rule-based urgency cue;
//   - afterInsert: the ticket's duplicate signature, inside the intake transaction, so the next
//     caller's duplicate search finds it on any app node.
import type { Transaction } from 'kysely';
import type { DB, Ticket } from '../../db/schema.ts';
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { normalize } from '../normalize.ts';
import { parsePlace } from '../address/parse-place.ts';
import { urgencyCue } from '../analyze-rules.ts';
import { indexTicketTexts, ticketText } from './find-duplicates.ts';

let installed = false;

export function installNlpIntakeHooks(): void {
  if (installed) return;
  installed = true;
  const previousAnalyze = intakeHooks.analyze;
  intakeHooks.analyze = async (deps, input) => {
    const hints = await previousAnalyze(deps, input);
    const text = normalize([input.address, input.title, input.content].filter(Boolean).join(' '));
    if (!input.divisionCode && !hints.divisionCode) {
      const place = await parsePlace(deps, { text, normalized: true });
      if (place && !place.ambiguous) hints.divisionCode = place.code;
    }
    if (!input.urgency && !hints.urgency) {
      const cue = urgencyCue(text);
      if (cue.level !== 'general') hints.urgency = cue.level;
    }
    return hints;
  };
  const previousAfterInsert = intakeHooks.afterInsert;
  // One ticket or a group commit's tickets, whichever the intake writer passes.
  intakeHooks.afterInsert = async (trx: Transaction<DB>, tickets: Ticket | Ticket[]) => {
    await previousAfterInsert(trx, tickets as never);
    await indexTicketTexts(trx, ([] as Ticket[]).concat(tickets).map((t) => ({ id: t.id, text: ticketText(t) })));
  };
}
