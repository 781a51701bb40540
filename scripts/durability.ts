// Durability check (issue 2, acceptance 6): start the real server, send citizen tickets at full
// speed, SIGKILL the server at a random moment, restart it on the same data, and prove that every
// ticket that got a 201 is there and that the event chains verify.
//   npx tsx scripts/durability.ts [--db pglite|postgres] [--seconds N] [--concurrency C] [--max N] [--runs R] [--signal KILL|TERM] [--keep]
// --runs repeats the whole check R times (a fresh database each time), each kill at a new moment.
// --signal TERM sends SIGTERM instead (graceful stop, as in a rolling restart).
// PostgreSQL: a scratch database is created on $TEST_DATABASE_URL / $LIANXIN_PG_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards.
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { formatKill9, runKill9 } from '../test/durability/kill9.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    max: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '1' },
    signal: { type: 'string', default: 'KILL' },
    keep: { type: 'boolean', default: false },
  },
});
const db = values.db;
if (db !== 'pglite' && db !== 'postgres') {
  console.error('--db must be pglite or postgres');
  process.exit(64);
}
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const maxRequests = Number(values.max);
const runs = Number(values.runs);
const signal = values.signal === 'TERM' ? 'SIGTERM' : values.signal === 'KILL' ? 'SIGKILL' : null;
if (!signal) {
  console.error('--signal must be KILL (crash, default) or TERM (graceful stop)');
  process.exit(64);
}
if (!(seconds > 0 && seconds <= 600) || !(concurrency >= 1 && concurrency <= 256) || !(maxRequests >= 1) || !(runs >= 1 && runs <= 100)) {
  console.error('--seconds must be in (0, 600], --concurrency in [1, 256], --max ≥ 1, --runs in [1, 100]');
  process.exit(64);
}

console.log(`durability: ${new Date().toISOString()}, ${cpus().length} cpus, node ${process.version}, db ${db}, ${signal}, ${seconds}s × ${concurrency} loops (max ${maxRequests} requests)`);
const failures: string[] = [];
const totals = { sent: 0, acknowledged: 0, found: 0, lost: 0, inFlight: 0, inFlightCommitted: 0 };
for (let run = 1; run <= runs; run++) {
  if (runs > 1) console.log(`── run ${run}/${runs}`);
  const r = await runKill9({ db, seconds, concurrency, maxRequests, signal, keep: values.keep, log: (m) => console.log(`· ${m}`) });
  console.log(formatKill9(r));
  if (r.stopped.includes('SIGKILLed')) console.log(`WARN: graceful stop did not finish: server ${r.stopped} (no data lost, but not graceful)`);
  totals.sent += r.sent;
  totals.acknowledged += r.acknowledged;
  totals.found += r.foundAfterRestart;
  totals.lost += r.lost.length;
  totals.inFlight += r.inFlight;
  totals.inFlightCommitted += r.inFlightCommitted;
  failures.push(...check(r).map((f) => (runs > 1 ? `run ${run}: ${f}` : f)));
}
if (runs > 1) console.log(`all ${runs} runs: ${JSON.stringify(totals)}`);

function check(r: Awaited<ReturnType<typeof runKill9>>): string[] {
  return [
    r.lost.length > 0 && `${r.lost.length} acknowledged tickets lost`,
    signal === 'SIGKILL' && r.inFlight === 0 && 'no request was in flight at the kill (it did not land under load)',
    r.auditExit !== 0 && `audit verify exited ${r.auditExit}`,
    r.unexpected > 0 && `${r.unexpected} tickets no request accounts for`,
    r.duplicateNumbers > 0 && `${r.duplicateNumbers} duplicate numbers`,
    // A graceful stop may refuse late requests with 503; anything else is a failure.
    Object.keys(r.rejected).some((k) => !(signal === 'SIGTERM' && k === '503')) && `non-201 responses ${JSON.stringify(r.rejected)}`,
  ].filter((f): f is string => typeof f === 'string');
}
if (failures.length) {
  console.log(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`OK: every acknowledged ticket survived the ${signal}`);
