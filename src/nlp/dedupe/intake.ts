// Intake wiring (src/tickets/intake-hooks.ts), chained after any earlier hooks:
//   - analyze: when the caller gave no division, the place read from the text (only when one
//     division is clearly meant); when the caller gave no urgency, the rule-based urgency cue.
// Duplicate signatures are not written at intake: the duplicate index signs new tickets at its
// next refresh, on whichever node looks them up (signature-index.ts), so intake pays no GIN
// index update per ticket.
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { normalize } from '../normalize.ts';
import { parsePlace } from '../address/parse-place.ts';
import { urgencyCue } from '../analyze-rules.ts';

let installed = false;

export function installNlpIntakeHooks(): void {
  if (installed) return;
  installed = true;
  const previousAnalyze = intakeHooks.analyze;
  intakeHooks.analyze = async (deps, input, wants) => {
    const hints = await previousAnalyze(deps, input, wants);
    const needPlace = !input.divisionCode && !hints.divisionCode;
    const needUrgency = !hints.urgency;
    if (!needPlace && !needUrgency) return hints;
    const text = normalize([input.address, input.title, input.content].filter(Boolean).join(' '));
    if (needPlace) {
      const place = await parsePlace(deps, { text, normalized: true });
      if (place && !place.ambiguous) hints.divisionCode = place.code;
    }
    if (needUrgency) {
      // read even when staff set the urgency: the citizen is told which number to call (callNow)
      const cue = urgencyCue(text);
      if (cue.level !== 'general' && !input.urgency) hints.urgency = cue.level;
      if (cue.transferTo) hints.callNow = cue.transferTo;
    }
    return hints;
  };
}
