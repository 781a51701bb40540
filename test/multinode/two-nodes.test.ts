// Acceptance 7 (issue 2): two real app nodes (`lianxin serve`, web + worker) on one PostgreSQL.
// Ticket numbers stay unique while both nodes take intake at once (gaps only the small blocks a
// node reserves ahead under load); the SLA sweeps
// that both nodes' workers run fire every alert exactly once (one ticket_alerts row, one
// notification, one chained event each). The in-process version of the sweep race lives in
// src/sla/sweep.test.ts and the job-queue claim race in src/jobs/jobs.test.ts; this file runs the
// same guarantees through separate OS processes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pino from 'pino';
import { openDatabase, type Database } from '../../src/db/db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedTestFixture, type Fixture } from '../../src/test/fixture.ts';
import { createScratchDb, login, mapLimit, runCli, startServer, type ScratchDb, type ServerProc } from '../durability/proc.ts';
import { countBy, numberRuns, waitFor } from './checks.ts';

const PG = process.env.TEST_DATABASE_URL;
const TOTAL = 300;
const H = 3600_000;

(PG ? describe : describe.skip)(
  `two app nodes on one PostgreSQL${PG ? '' : ' — SKIPPED: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it'}`,
  () => {
    let scratch: ScratchDb;
    let database: Database;
    let fx: Fixture;
    const nodes: ServerProc[] = [];
    const created: { id: string; number: string; node: number }[] = [];

    beforeAll(async () => {
      scratch = await createScratchDb('postgres');
      database = await openDatabase({ url: scratch.env.DATABASE_URL });
      await migrateToLatest(database.db);
      fx = await seedTestFixture({ db: database.db, dbKind: 'postgres', dataDir: scratch.dir, nodeId: 'seed', log: pino({ level: 'silent' }), now: () => new Date() });
      // Both nodes start at once, as in a rolling deploy; each runs web + worker.
      const started = await Promise.all(['a', 'b'].map((n) => startServer({
        env: { ...scratch.env, LIANXIN_NODE_ID: `node-${n}`, LIANXIN_WORKER_POLL_MS: '200', LIANXIN_DB_POOL: '5' },
        services: 'web,worker',
        logFile: join(scratch.dir, `node-${n}.log`),
      })));
      nodes.push(...started);
    });

    afterAll(async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await database?.close();
      await scratch?.drop();
    });

    it(`numbers ${TOTAL} tickets taken by both nodes at once uniquely`, async () => {
      const cookies = await Promise.all(nodes.map((n) => login(n.url, 'agent', fx.password)));
      // Sessions live in the database: a cookie from one node works on the other (no sticky sessions).
      const cross = await fetch(`${nodes[1].url}/api/v1/tickets?pageSize=1`, { headers: { cookie: cookies[0] } });
      expect(cross.status).toBe(200);
      await mapLimit(Array.from({ length: TOTAL }, (_, i) => i), 8, async (i) => {
        const node = i % 2;
        const r = await fetch(`${nodes[node].url}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies[node] },
          body: JSON.stringify({ content: `楼道电梯又坏了，老人上下楼很困难（第${i}件）`, contact: { phone: '13900000000' }, leadUnitId: fx.units.zhujian }),
        });
        expect(r.status, await r.clone().text()).toBe(201);
        const b = (await r.json()) as { id: string; number: string; status: string };
        expect(b.status).toBe('dispatched');
        created.push({ id: b.id, number: b.number, node });
      });
      expect(created).toHaveLength(TOTAL);
      expect(new Set(created.map((c) => c.number)).size).toBe(TOTAL);
      expect(countBy(created, (c) => String(c.node))).toEqual({ 0: TOTAL / 2, 1: TOTAL / 2 });
      // Per Shanghai day (a run across midnight gives two): numbers come from the day's counter,
      // 1 … last; what is not handed out yet is what the nodes hold in reserve — under load each
      // holds at most ~0.1 s of its own intake (NumberPool), far fewer than 100 here.
      const runs = numberRuns(created.map((c) => c.number));
      const seq = await database.db.selectFrom('ticket_number_seq').select(['day', 'last']).execute();
      const last = Object.fromEntries(seq.map((s) => [s.day, Number(s.last)]));
      for (const r of runs) {
        expect(r.seqs[0]).toBeGreaterThanOrEqual(1);
        expect(r.seqs[r.seqs.length - 1]).toBeLessThanOrEqual(last[r.day]);
      }
      const held = seq.reduce((s, x) => s + Number(x.last), 0) - TOTAL;
      expect(held).toBeGreaterThanOrEqual(0);
      expect(held).toBeLessThan(100);
    }, 300_000);

    it('fires each SLA alert exactly once while both nodes\' workers sweep', async () => {
      expect(created).toHaveLength(TOTAL);
      const ids = created.map((c) => c.id);
      const overdueIds = ids.filter((_, i) => i % 3 !== 0); // 200: sign deadline passed an hour ago
      const remindIds = ids.filter((_, i) => i % 3 === 0); // 100: 4 h of a 24 h sign window left
      const now = Date.now();
      await database.db.updateTable('tickets')
        .set({ dispatched_at: new Date(now - 30 * H), sign_deadline: new Date(now - H) })
        .where('id', 'in', overdueIds).execute();
      await database.db.updateTable('tickets')
        .set({ dispatched_at: new Date(now - 20 * H), sign_deadline: new Date(now + 4 * H) })
        .where('id', 'in', remindIds).execute();

      // Besides the once-a-minute scheduled sweep, queue extra sweeps one by one so that both
      // workers pick some up and run them over the same tickets at the same time.
      for (let k = 0; k < 6; k++) {
        await database.db.insertInto('jobs').values({ name: 'sla.sweep', payload: '{}', run_at: new Date() }).execute();
        await new Promise((r) => setTimeout(r, 150));
      }
      await waitFor(async () => {
        const open = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
          .where('name', '=', 'sla.sweep').where('status', 'in', ['pending', 'running']).where('unique_key', 'is', null)
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0;
      }, 180_000, 'extra sla.sweep jobs to finish');

      const sweeps = await database.db.selectFrom('jobs').select(['locked_by', 'status', 'attempts', 'unique_key', 'last_error']).where('name', '=', 'sla.sweep').execute();
      console.log('sla.sweep jobs by node:', countBy(sweeps, (s) => `${s.locked_by?.split('/')[0]} ${s.status}`));
      expect(sweeps.filter((s) => s.status === 'failed')).toEqual([]);
      expect(sweeps.filter((s) => s.unique_key === null && s.status === 'done')).toHaveLength(6);
      // Each bucket's scheduled sweep exists once (unique key) and ran once.
      const keyed = sweeps.filter((s) => s.unique_key !== null);
      expect(new Set(keyed.map((s) => s.unique_key)).size).toBe(keyed.length);
      expect(keyed.filter((s) => s.status === 'done' && s.attempts !== 1)).toEqual([]);

      const alerts = await database.db.selectFrom('ticket_alerts').select(['ticket_id', 'kind', 'deadline', 'fired_by']).execute();
      console.log('alerts fired by node:', countBy(alerts, (a) => a.fired_by ?? '?'));
      expect(countBy(alerts, (a) => a.kind)).toEqual({ overdue_sign: overdueIds.length, remind_sign: remindIds.length });
      expect(new Set(alerts.map((a) => `${a.ticket_id}|${a.kind}`)).size).toBe(TOTAL);
      expect(new Set(alerts.map((a) => a.ticket_id))).toEqual(new Set(ids));

      // One notification and one chained system event per alert, never two.
      const notes = await database.db.selectFrom('notifications').select(['ticket_id', 'kind', 'unit_id']).execute();
      expect(notes).toHaveLength(TOTAL);
      expect(new Set(notes.map((n) => `${n.ticket_id}|${n.kind}`)).size).toBe(TOTAL);
      expect(notes.every((n) => n.unit_id === fx.units.zhujian)).toBe(true);
      const ev = await database.db.selectFrom('ticket_events').select(['ticket_id', 'action']).where('action', 'in', ['overdue', 'remind']).execute();
      expect(ev).toHaveLength(TOTAL);
      expect(new Set(ev.map((e) => e.ticket_id)).size).toBe(TOTAL);
      const flagged = await database.db.selectFrom('tickets').select('id').where('overdue', '=', true).execute();
      expect(new Set(flagged.map((f) => f.id))).toEqual(new Set(overdueIds));

      // The chains both nodes appended to still verify.
      const audit = await runCli(['audit', 'verify'], scratch.env);
      expect(audit.code, audit.out).toBe(0);
      expect(audit.out).toMatch(/0 problems/);
      const { rows } = await sql<{ n: number }>`select count(distinct locked_by) as n from jobs where name = 'sla.sweep' and status = 'done'`.execute(database.db);
      console.log(`sweeps ran on ${rows[0].n} distinct workers`);
    }, 300_000);

    it('comes up on an empty database when both nodes start at once (migrations run once)', async () => {
      const empty = await createScratchDb('postgres');
      const pair: ServerProc[] = [];
      try {
        const results = await Promise.allSettled(['c', 'd'].map((n) => startServer({
          env: { ...empty.env, LIANXIN_NODE_ID: `node-${n}` }, services: 'web,worker', logFile: join(empty.dir, `node-${n}.log`),
        })));
        for (const r of results) if (r.status === 'fulfilled') pair.push(r.value);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        for (const n of pair) expect(await (await fetch(`${n.url}/api/health`)).json()).toEqual({ status: 'ok', db: 'postgres' });
        const db = await openDatabase({ url: empty.env.DATABASE_URL });
        try {
          const { rows } = await sql<{ name: string; n: number }>`select name, count(*)::int as n from kysely_migration group by name`.execute(db.db);
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.filter((r) => r.n !== 1)).toEqual([]);
        } finally {
          await db.close();
        }
        // Both take intake at once on the database they just created.
        const made = await Promise.all(pair.flatMap((n) => [1, 2, 3].map(async () => {
          const r = await fetch(`${n.url}/api/v1/tickets`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ content: '新装的路灯不亮', contact: { phone: '13900000000' } }),
          });
          expect(r.status).toBe(201);
          return ((await r.json()) as { number: string }).number;
        })));
        expect(new Set(made).size).toBe(6);
      } finally {
        await Promise.all(pair.map((n) => n.stop()));
        await empty.drop();
      }
    }, 300_000);
  },
);
