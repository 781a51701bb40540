// Intake wiring: every stored ticket gets its duplicate signature inside the intake transaction,
// so the next caller's duplicate search finds it on any app node. Chains any earlier hook.
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { indexTicketText, ticketText } from './find-duplicates.ts';

let installed = false;

export function installDedupeIntakeHook(): void {
  if (installed) return;
  installed = true;
  const previous = intakeHooks.afterInsert;
  intakeHooks.afterInsert = async (trx, ticket) => {
    await previous(trx, ticket);
    await indexTicketText(trx, ticket.id, ticketText(ticket));
  };
}
