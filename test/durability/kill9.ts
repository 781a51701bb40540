// The kill -9 durability check, shared by scripts/durability.ts and kill9.test.ts:
// load the real server with citizen intake at full speed, SIGKILL it mid-load, restart it on the
// same data, and prove that every ticket acknowledged with a 201 is there.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/db.ts';
import { ADMIN_PASSWORD, createScratchDb, login, mapLimit, runCli, startServer, type DbKind, type ServerProc } from './proc.ts';

export interface Kill9Options {
  db: DbKind;
  /** Load window; the kill falls at a random moment between 25% and 75% of it. */
  seconds: number;
  concurrency: number;
  /** Upper bound on requests sent (the load also stops at the kill). */
  maxRequests?: number;
  /**
   * SIGKILL (default: the crash case) or SIGTERM (a graceful stop, as in a rolling restart; the
   * server may answer 503 to requests that arrive while it closes).
   */
  signal?: 'SIGKILL' | 'SIGTERM';
  /** With SIGTERM: how long to wait for the server to exit before SIGKILL (default 30 s). */
  graceMs?: number;
  /** Keep the scratch database / data dir afterwards (for inspection). */
  keep?: boolean;
  log?: (msg: string) => void;
  /**
   * Runs on the database between the kill and the restart. Used by the test's
   * negative control to delete an acknowledged ticket and show the check reports it lost.
   */
  afterKill?: (db: import('kysely').Kysely<import('../../src/db/schema.ts').DB>, acked: { id: string; number: string }[]) => Promise<void>;
}

export interface Kill9Result {
  db: DbKind;
  signal: 'SIGKILL' | 'SIGTERM';
  /** With SIGTERM: whether and when the server exited by itself. */
  stopped: string;
  where: string;
  sent: number;
  acknowledged: number;
  /** Acknowledged tickets the restarted server returned by id with the same number. */
  foundAfterRestart: number;
  /** Acknowledged tickets missing after restart (must be 0). */
  lost: string[];
  /** Requests started after the process was gone (connection refused; not counted as sent). */
  refused: number;
  /** Requests sent that got no response (connection reset by the kill). */
  inFlight: number;
  /** Of those, how many were committed anyway (present in the database). */
  inFlightCommitted: number;
  /** Non-201 responses (must be 0: the load is valid intake). */
  rejected: Record<string, number>;
  /** Tickets in the database that no request of this run accounts for (must be 0). */
  unexpected: number;
  /** Ticket numbers drawn but never used by a committed ticket (numbers taken by killed requests). */
  numberGaps: number;
  duplicateNumbers: number;
  killedAtMs: number;
  auditExit: number | null;
  auditOutput: string;
  durationMs: number;
  settings: Record<string, string>;
}

interface Ack { marker: string; id: string; number: string }

export async function runKill9(o: Kill9Options): Promise<Kill9Result> {
  const t0 = Date.now();
  const say = o.log ?? (() => {});
  const log = (m: string) => say(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const scratch = await createScratchDb(o.db);
  const logFile = join(scratch.dir, 'server.log');
  const runId = randomBytes(4).toString('hex');
  let server: ServerProc | undefined;
  try {
    log(`${o.db}: fresh database ${scratch.where}; creating admin (runs migrations)`);
    const created = await runCli(['user', 'create', '--username', 'admin', '--role', 'admin', '--password', ADMIN_PASSWORD], scratch.env);
    if (created.code !== 0) throw new Error(`user create failed: ${created.out}`);

    server = await startServer({ env: scratch.env, logFile });
    log(`${o.db}: server up on ${server.url} (pid ${server.child.pid}); load ${o.seconds}s × ${o.concurrency}`);

    // Warm up (JIT, caches) so the kill falls into steady full-speed load; these count as acks too.
    const acks: Ack[] = [];
    const post = (marker: string, phone: string) => fetch(`${server!.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: `小区门口路灯不亮，晚上很黑，请尽快修理。${marker}`, contact: { phone } }),
    });
    for (let i = 0; i < 20; i++) {
      const marker = `dur-${runId}-w-${i}`;
      const r = await post(marker, '13900000000');
      if (r.status !== 201) throw new Error(`warm-up intake failed: ${r.status} ${await r.text()}`);
      const b = (await r.json()) as { id: string; number: string };
      acks.push({ marker, id: b.id, number: b.number });
    }

    // ---- load, with a SIGKILL at a random moment ----
    const inflight: string[] = [];
    const rejected: Record<string, number> = {};
    let sent = acks.length;
    let refused = 0;
    let stop = false;
    const max = o.maxRequests ?? 50_000;
    const loadStart = Date.now();
    const killAfter = Math.round(o.seconds * 1000 * (0.25 + Math.random() * 0.5));
    const loop = async (w: number) => {
      while (!stop && sent < max && Date.now() - loadStart < o.seconds * 1000) {
        const marker = `dur-${runId}-${w}-${sent++}`;
        try {
          const r = await post(marker, `139${String(sent % 1e8).padStart(8, '0')}`);
          const text = await r.text();
          if (r.status === 201) {
            const b = JSON.parse(text) as { id: string; number: string };
            acks.push({ marker, id: b.id, number: b.number });
          } else {
            rejected[r.status] = (rejected[r.status] ?? 0) + 1;
          }
        } catch (e) {
          // No response. Refused: the server was already gone, the request never reached it.
          // Anything else (reset, socket closed): the server died under this request.
          const code = (e as { cause?: { code?: string } }).cause?.code;
          if (code === 'ECONNREFUSED') refused++;
          else inflight.push(marker);
          stop = true;
        }
      }
    };
    let stopped = '';
    const killer = (async () => {
      while (!stop && Date.now() - loadStart < killAfter) await new Promise((r) => setTimeout(r, 20));
      if (o.signal === 'SIGTERM') {
        const st = await server!.stop(o.graceMs ?? 30_000);
        stopped = st.graceful ? `exited 0 after ${st.ms} ms` : `did not exit within ${st.ms} ms; SIGKILLed`;
      } else await server!.kill9();
      stop = true;
    })();
    await Promise.all([...Array.from({ length: o.concurrency }, (_, w) => loop(w)), killer]);
    const killedAtMs = killAfter;
    sent -= refused;
    log(`${o.db}: ${o.signal ?? 'SIGKILL'} at ${killedAtMs} ms; sent ${sent}, acknowledged ${acks.length}, in flight ${inflight.length}`);

    if (o.afterKill) {
      // The server is dead, so even a PGlite dir is free to open here.
      const d = await openDatabase(o.db === 'postgres' ? { url: scratch.env.DATABASE_URL } : { dataDir: scratch.dir });
      try {
        await o.afterKill(d.db, acks);
      } finally {
        await d.close();
      }
    }

    // ---- restart on the same data; read every acknowledged ticket back as admin ----
    server = await startServer({ env: scratch.env, logFile });
    log(`${o.db}: restarted (pid ${server.child.pid}); reading ${acks.length} acknowledged tickets back as admin`);
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const lost: string[] = [];
    let found = 0;
    await mapLimit(acks, 4, async (a) => {
      const r = await fetch(`${server!.url}/api/v1/tickets/${a.id}`, { headers: { cookie } });
      const b = r.ok ? ((await r.json()) as { number: string }) : null;
      if (b && b.number === a.number) found++;
      else lost.push(`${a.number} (${a.id}): HTTP ${r.status}`);
    });
    await server.stop();
    server = undefined;
    log(`${o.db}: found ${found}, lost ${lost.length}; checking the database directly`);

    // ---- the database itself: committed in-flight requests, strays, number gaps ----
    const database = await openDatabase(o.db === 'postgres' ? { url: scratch.env.DATABASE_URL } : { dataDir: scratch.dir });
    let inFlightCommitted = 0, unexpected = 0, numberGaps = 0, duplicateNumbers = 0;
    const settings: Record<string, string> = {};
    try {
      const rows = await database.db.selectFrom('tickets').select(['id', 'number', 'content']).execute();
      const byMarker = new Map(rows.map((r) => [/dur-[0-9a-f]+-\w+-\d+$/.exec(r.content)?.[0] ?? '', r]));
      const ackedMarkers = new Set(acks.map((a) => a.marker));
      const inflightSet = new Set(inflight);
      for (const m of byMarker.keys()) {
        if (inflightSet.has(m)) inFlightCommitted++;
        else if (!ackedMarkers.has(m)) unexpected++;
      }
      duplicateNumbers = rows.length - new Set(rows.map((r) => r.number)).size;
      const seq = await database.db.selectFrom('ticket_number_seq').select(['day', 'last']).execute();
      numberGaps = seq.reduce((s, d) => s + Number(d.last), 0) - rows.length;
      for (const k of ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes']) {
        const r = await sql<Record<string, string>>`select current_setting(${k}) as v`.execute(database.db);
        settings[k] = String(r.rows[0]?.v);
      }
    } finally {
      await database.close();
    }

    log(`${o.db}: lianxin audit verify`);
    const audit = await runCli(['audit', 'verify'], scratch.env);
    return {
      db: o.db, signal: o.signal ?? 'SIGKILL', stopped, where: scratch.where, sent, acknowledged: acks.length, foundAfterRestart: found, lost,
      inFlight: inflight.length, refused, inFlightCommitted, rejected, unexpected, numberGaps, duplicateNumbers, killedAtMs,
      auditExit: audit.code, auditOutput: audit.out.trim().split('\n').filter((l) => !l.includes('校验事件链')).join('\n'),
      durationMs: Date.now() - t0, settings,
    };
  } finally {
    await server?.kill9().catch(() => {});
    if (!o.keep) await scratch.drop();
  }
}

export function formatKill9(r: Kill9Result): string {
  return [
    `database:            ${r.db} (${r.where})`,
    `${r.signal} after:`.padEnd(21) + `${r.killedAtMs} ms of load${r.stopped ? ` (server ${r.stopped})` : ''}`,
    `sent:                ${r.sent}`,
    `acknowledged (201):  ${r.acknowledged}`,
    `found after restart: ${r.foundAfterRestart}`,
    `lost:                ${r.lost.length}${r.lost.length ? `  ${r.lost.slice(0, 10).join('; ')}` : ''}`,
    `in flight at kill:   ${r.inFlight} (committed anyway: ${r.inFlightCommitted}, not committed: ${r.inFlight - r.inFlightCommitted})`,
    `refused after kill:  ${r.refused} (not counted as sent)`,
    `rejected (non-201):  ${JSON.stringify(r.rejected)}`,
    `unexpected tickets:  ${r.unexpected}`,
    `duplicate numbers:   ${r.duplicateNumbers}`,
    `number gaps:         ${r.numberGaps} (numbers reserved but never used: drawn by requests that never committed, or the rest of a block reserved ahead)`,
    `audit verify:        exit ${r.auditExit} — ${r.auditOutput.split('\n').pop()}`,
    `db settings:         ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(' ')}`,
    `took:                ${(r.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
