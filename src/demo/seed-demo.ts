// The demo: on first start with an empty database, 宁德市 (3509) with all its places, units,
// rules, accounts for every role and a few hundred tickets in every state. The demo password
// comes from LIANXIN_DEMO_PASSWORD, or is generated and printed once.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../server/deps.ts';
import { hashPassword } from '../auth/passwords.ts';
import { countUsers } from '../orgs/users.repo.ts';
import { seedDemoOrg } from './seed-org.ts';
import { seedDemoTickets, type DemoTicketStats } from './seed-tickets.ts';
import { seedDemoHistory } from './seed-history.ts';
import { ALL_TEMPLATES } from './tickets-more.data.ts';
import { retrainFromDb } from '../nlp/classifier/train-from-db.ts';
import { installClassifier } from '../nlp/classifier/install.ts';

export const DEMO_USERNAMES = ['admin', 'agent', 'dispatcher', 'supervisor', 'zhujian', 'zhujian_leader', 'chengguan', 'xiangzhen', 'grid', 'citizen'] as const;

export interface DemoResult {
  seeded: boolean;
  password?: string;
  generatedPassword?: boolean;
  tickets?: DemoTicketStats;
  /** closed tickets imported as the previous system's history */
  history?: number;
  ms?: number;
}

export interface DemoOptions {
  password?: string;
  /** live tickets walked through the last 90 days (default 260) */
  tickets?: number;
  /** closed tickets of the imported history, 3–15 months back (default 1,200) */
  history?: number;
  quiet?: boolean;
}

function printPasswordBox(password: string) {
  const lines = [
    'Lianxin demo accounts / 演示账号',
    `usernames: ${DEMO_USERNAMES.join(', ')}`,
    `password / 密码: ${password}`,
    'shown once; set LIANXIN_DEMO_PASSWORD to choose it',
  ];
  const width = Math.max(...lines.map((l) => [...l].length + (l.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0))) + 2;
  const pad = (l: string) => l + ' '.repeat(width - [...l].length - (l.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0) - 1);
  process.stdout.write(`\n┌${'─'.repeat(width)}┐\n${lines.map((l) => `│ ${pad(l)}│`).join('\n')}\n└${'─'.repeat(width)}┘\n\n`);
}

/** Seeds the demo (regardless of what is there: call on an empty database). */
export async function seedDemo(deps: Deps, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const generated = !opts.password;
  const password = opts.password ?? randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const org = await seedDemoOrg(deps, hash);
  const history = await seedDemoHistory(deps, org, ALL_TEMPLATES, { count: opts.history });
  // the models learn from the imported history first, as in a real start-up, so the live tickets
  // below go through intake as they would: the confident ones auto-dispatched, some of them wrongly
  const models = await retrainFromDb(deps).catch((err: unknown) => {
    deps.log.warn({ err }, 'demo: training on the history failed; live tickets go to the dispatcher');
    return [];
  });
  installClassifier();
  const tickets = await seedDemoTickets(deps, org, { count: opts.tickets });
  const ms = Date.now() - started;
  deps.log.info({ ms, history: history.imported, models: models.filter((m) => !m.skipped).length, tickets: tickets.created, autoDispatched: tickets.autoDispatched, autoCorrected: tickets.autoCorrected, byStatus: tickets.byStatus, failures: tickets.failures }, 'demo seeded');
  if (generated && !opts.quiet) printPasswordBox(password);
  return { seeded: true, password, generatedPassword: generated, tickets, history: history.imported, ms };
}

/** Seeds the demo only when the database has no users yet. */
export async function seedDemoIfEmpty(deps: Deps, opts: DemoOptions = {}): Promise<DemoResult> {
  if ((await countUsers(deps.db)) > 0) return { seeded: false };
  return seedDemo(deps, opts);
}
