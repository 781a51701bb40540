// Durability check (issue 2, acceptance 6): start the real server, send citizen tickets at full
// speed, SIGKILL the server at a random moment, restart it on the same data, and prove that every
// ticket that got a 201 is there and that the event chains verify.
//   npx tsx scripts/durability.ts [--db pglite|postgres] [--seconds N] [--concurrency C] [--max N] [--keep]
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
if (!(seconds > 0 && seconds <= 600) || !(concurrency >= 1 && concurrency <= 256) || !(maxRequests >= 1)) {
  console.error('--seconds must be in (0, 600], --concurrency in [1, 256], --max ≥ 1');
  process.exit(64);
}

console.log(`durability: ${new Date().toISOString()}, ${cpus().length} cpus, node ${process.version}, db ${db}, ${seconds}s × ${concurrency} loops (max ${maxRequests} requests)`);
const r = await runKill9({ db, seconds, concurrency, maxRequests, keep: values.keep, log: (m) => console.log(`· ${m}`) });
console.log(formatKill9(r));
const failures = [
  r.lost.length > 0 && `${r.lost.length} acknowledged tickets lost`,
  r.acknowledged === 0 && 'no ticket was acknowledged before the kill (nothing was tested)',
  r.auditExit !== 0 && `audit verify exited ${r.auditExit}`,
  r.unexpected > 0 && `${r.unexpected} tickets no request accounts for`,
  r.duplicateNumbers > 0 && `${r.duplicateNumbers} duplicate numbers`,
  Object.keys(r.rejected).length > 0 && `non-201 responses ${JSON.stringify(r.rejected)}`,
].filter(Boolean);
if (failures.length) {
  console.log(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('OK: every acknowledged ticket survived the kill');
