// The ticket state machine: for each action, the statuses it may start from, where it leads,
// and which kind of actor may take it. Anything else is an illegal transition (409).
import type { Role, Status } from '../contract/enums.ts';
import type { TransitionAction } from '../contract/tickets.ts';

/**
 * Who may act: center staff by role, or members of the ticket's lead unit ('lead'), its leaders
 * only ('lead_leader': 单位负责人 approve their unit's extension requests), or co-units ('co').
 */
export type Who = Role | 'lead' | 'lead_leader' | 'co';

export interface Rule {
  from: readonly Status[];
  /** null: the status does not change. */
  to: Status | null;
  who: readonly Who[];
  /** Shown on the citizen's public timeline. */
  public: boolean;
}

const OPEN: Status[] = ['received', 'dispatched', 'signed', 'handling', 'replied', 'callback', 'returned'];
const AT_UNIT: Status[] = ['dispatched', 'signed', 'handling'];
const CENTER: Role[] = ['agent', 'dispatcher', 'admin'];

export const LIFECYCLE: Record<TransitionAction, Rule> = {
  direct_answer: { from: ['received'], to: 'closed', who: CENTER, public: true },
  out_of_scope: { from: ['received', 'returned'], to: 'closed', who: CENTER, public: true },
  transfer: { from: ['received'], to: 'closed', who: CENTER, public: true },
  dispatch: { from: ['received'], to: 'dispatched', who: CENTER, public: true },
  redispatch: { from: ['returned', 'dispatched', 'signed', 'handling'], to: 'dispatched', who: ['dispatcher', 'admin'], public: true },
  sign: { from: ['dispatched'], to: 'signed', who: ['lead'], public: true },
  progress: { from: ['signed', 'handling'], to: 'handling', who: ['lead'], public: true },
  pass_down: { from: AT_UNIT, to: 'dispatched', who: ['lead'], public: false },
  reply: { from: ['signed', 'handling'], to: 'replied', who: ['lead'], public: true },
  return: { from: ['dispatched', 'signed'], to: 'returned', who: ['lead'], public: false },
  // only once signed for: a unit that has not taken the ticket on has nothing to ask more time for
  extension_request: { from: ['signed', 'handling'], to: null, who: ['lead'], public: false },
  extension_approve: { from: AT_UNIT, to: null, who: ['dispatcher', 'supervisor', 'admin', 'lead_leader'], public: true },
  extension_deny: { from: AT_UNIT, to: null, who: ['dispatcher', 'supervisor', 'admin', 'lead_leader'], public: false },
  supervise: { from: OPEN, to: null, who: ['supervisor', 'admin'], public: false },
  summon: { from: AT_UNIT, to: null, who: ['lead', 'dispatcher', 'admin'], public: false },
  merge: { from: ['received', 'dispatched', 'signed', 'handling', 'returned'], to: 'merged', who: CENTER, public: true },
  callback: { from: ['replied'], to: 'callback', who: [...CENTER, 'citizen'], public: true },
  reopen: { from: ['callback', 'closed'], to: 'dispatched', who: [...CENTER, 'supervisor'], public: true },
  close: { from: ['replied', 'callback'], to: 'closed', who: CENTER, public: true },
  exclude: { from: [...OPEN, 'closed', 'merged'], to: null, who: ['supervisor', 'admin'], public: false },
  note: { from: [...OPEN, 'closed', 'merged'], to: null, who: ['agent', 'dispatcher', 'supervisor', 'admin', 'lead', 'co'], public: false },
};

export { currentStage } from '../contract/enums.ts';

/** How many times a ticket is reopened automatically on an unsatisfied callback before a dispatcher must decide. */
export const MAX_AUTO_REOPEN = 2;
