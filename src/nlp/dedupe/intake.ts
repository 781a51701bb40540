// Intake wiring (src/tickets/intake-hooks.ts), chained after any earlier hooks:
//   - analyze: when the caller gave no division, the place read from the text (only when one
//     division is clearly meant); when the caller gave no urgency, the rule-based urgency cue;
//   - extraRows: the tickets' duplicate signatures, written in the intake statement itself, so
//     the next caller's duplicate search finds them on any app node;
//   - afterCommit: the GIN band index's pending list merged every so often.
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { normalize } from '../normalize.ts';
import { parsePlace } from '../address/parse-place.ts';
import { urgencyCue } from '../analyze-rules.ts';
import { ticketText } from './find-duplicates.ts';
import { fingerprint } from './minhash.ts';
import { flushBandIndex } from './dedupe.repo.ts';

let installed = false;

/** Merge the GIN pending list every this many intake signatures (searches scan at most that many pending entries). */
const FLUSH_EVERY = 256;
let pendingSinceFlush = 0;

const SIGNATURE_COLUMNS = { ticket_id: 'uuid', bands: 'text[]', minhash: 'integer[]', shingle_count: 'integer' };

export function installNlpIntakeHooks(): void {
  if (installed) return;
  installed = true;
  const previousAnalyze = intakeHooks.analyze;
  intakeHooks.analyze = async (deps, input, wants) => {
    const hints = await previousAnalyze(deps, input, wants);
    const needPlace = !input.divisionCode && !hints.divisionCode;
    const needUrgency = !input.urgency && !hints.urgency;
    if (!needPlace && !needUrgency) return hints;
    const text = normalize([input.address, input.title, input.content].filter(Boolean).join(' '));
    if (needPlace) {
      const place = await parsePlace(deps, { text, normalized: true });
      if (place && !place.ambiguous) hints.divisionCode = place.code;
    }
    if (needUrgency) {
      const cue = urgencyCue(text);
      if (cue.level !== 'general') hints.urgency = cue.level;
    }
    return hints;
  };
  const previousExtra = intakeHooks.extraRows;
  intakeHooks.extraRows = (tickets) => [
    ...previousExtra(tickets),
    {
      table: 'ticket_signatures',
      columns: SIGNATURE_COLUMNS,
      rows: tickets.map((t) => {
        const f = fingerprint(ticketText(t));
        return { ticket_id: t.id, bands: f.bands, minhash: f.minhash, shingle_count: f.shingles.size };
      }),
    },
  ];
  const previousAfterCommit = intakeHooks.afterCommit;
  intakeHooks.afterCommit = async (db, count) => {
    await previousAfterCommit(db, count);
    pendingSinceFlush += count;
    if (pendingSinceFlush >= FLUSH_EVERY) {
      pendingSinceFlush = 0;
      await flushBandIndex(db);
    }
  };
}
