import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/db.ts';
import type { DB } from '../../db/schema.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../../test/harness.ts';
import { BandIndex } from './band-index.ts';
import { upsertSignatures } from './dedupe.repo.ts';
import { findDuplicates, indexTicketText, ticketText } from './find-duplicates.ts';
import { fingerprint } from './minhash.ts';
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { expireSignatureIndex, indexedCandidates, installSignatureIndexHooks, setSignatureIndexStaleness } from './signature-index.ts';
import { insertTestTicket } from './test-tickets.ts';

const day = 86400_000;
const TEXTS = [
  '双城镇城北社区翠屏花园小区门口的路灯已经坏了两个星期，晚上出行很不安全，请尽快维修。',
  '东源乡东源村自来水管道破裂，村里停水三天了，请自来水公司尽快派人抢修。',
  '城南镇农贸市场周边占道经营严重，早上车辆无法通行，希望城管部门加强管理。',
  '富溪镇前宅村到镇上的公交车班次太少，一天只有两班，老人看病很不方便。',
  '城北菜市场的猪肉摊位缺斤少两，我买了两斤回家一称只有一斤七两，请市场监管部门查处。',
  '咨询一下灵活就业人员养老保险缴费基数怎么确定，每个月最低要缴多少钱？',
  '小区地下车库的排水泵坏了，一下雨车库就积水，好几辆车被泡，物业一直推脱不管。',
];
const retyped = (s: string) => `${s.replace(/，/g, ' , ')}！！`;

describe('band index', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 5, d));
  it('returns tickets sharing a band, newest first, within the window, without the excluded one', () => {
    const ix = new BandIndex();
    ix.upsert({ ticketId: 'a', bands: ['0:x', '1:y'], receivedAt: at(1) });
    ix.upsert({ ticketId: 'b', bands: ['0:x', '1:z'], receivedAt: at(3) });
    ix.upsert({ ticketId: 'c', bands: ['0:w', '1:z'], receivedAt: at(2) });
    expect(ix.candidates(['0:x', '1:z'], { since: at(1), limit: 10 })).toEqual(['b', 'c', 'a']);
    expect(ix.candidates(['0:x', '1:z'], { since: at(2), limit: 10 })).toEqual(['b', 'c']);
    expect(ix.candidates(['0:x', '1:z'], { since: at(1), excludeId: 'b', limit: 1 })).toEqual(['c']);
    expect(ix.candidates(['9:q'], { since: at(1), limit: 10 })).toEqual([]);
  });
  it('replaces a re-signed ticket\'s bands, removes and prunes', () => {
    const ix = new BandIndex();
    ix.upsert({ ticketId: 'a', bands: ['0:x'], receivedAt: at(1) });
    ix.upsert({ ticketId: 'b', bands: ['0:x'], receivedAt: at(2) });
    ix.upsert({ ticketId: 'a', bands: ['0:v'], receivedAt: at(1) });
    expect(ix.candidates(['0:x'], { since: at(1), limit: 10 })).toEqual(['b']);
    expect(ix.candidates(['0:v'], { since: at(1), limit: 10 })).toEqual(['a']);
    ix.remove('b');
    expect(ix.candidates(['0:x'], { since: at(1), limit: 10 })).toEqual([]);
    ix.upsert({ ticketId: 'c', bands: ['0:v'], receivedAt: at(5) });
    ix.pruneReceivedBefore(at(3));
    expect(ix.size).toBe(1);
    expect(ix.candidates(['0:v'], { since: at(1), limit: 10 })).toEqual(['c']);
  });
});

/** A second app node on the same database (PostgreSQL), or null on PGlite (one process only). */
async function secondNode(t: TestDb): Promise<Database | null> {
  if (t.kind !== 'postgres') return null;
  const name = (await sql<{ n: string }>`select current_database() as n`.execute(t.deps.db)).rows[0].n;
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  return openDatabase({ url: u.toString() });
}

describe.each(DB_KINDS)('signature index on %s', (kind) => {
  let t: TestDb;
  let other: Database | null;
  /** Signs a ticket the way another node would: this process's index is not told. */
  let signElsewhere: (id: string, text: string) => Promise<void>;
  const now = () => t.deps.now().getTime();
  const newTicket = async (db: Kysely<DB>, content: string, ago = day) => {
    const title = content.slice(0, 10);
    const id = await insertTestTicket(db, { title, content, received_at: new Date(now() - ago) });
    return { id, text: ticketText({ title, content }) };
  };
  const dupIds = async (content: string, windowDays?: number) =>
    (await findDuplicates(t.deps, { text: retyped(content), windowDays })).duplicates.map((d) => d.id);

  beforeAll(async () => {
    t = await createTestDb(kind);
    other = await secondNode(t);
    signElsewhere = other
      ? (id, text) => indexTicketText(other!.db, id, text)
      : async (id, text) => {
        const f = fingerprint(text);
        await upsertSignatures(t.deps.db, [{ ticket_id: id, bands: f.bands, minhash: f.minhash, shingle_count: f.shingles.length }]);
      };
    const first = await newTicket(t.deps.db, TEXTS[0]);
    await indexTicketText(t.deps.db, first.id, first.text);
  });
  afterEach(() => setSignatureIndexStaleness());
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('answers from the index loaded from ticket_signatures', async () => {
    const { bands } = fingerprint(retyped(TEXTS[0]));
    const ids = await indexedCandidates(t.deps, { bands, since: new Date(now() - 30 * day), limit: 10 });
    expect(ids).toHaveLength(1);
    expect(await dupIds(TEXTS[0])).toEqual(ids);
  });

  it('finds a ticket signed by another node after the refresh', async () => {
    setSignatureIndexStaleness(60_000);
    await dupIds(TEXTS[1]); // index loaded and fresh
    const { id, text } = await newTicket(other?.db ?? t.deps.db, TEXTS[1]);
    await signElsewhere(id, text);
    expect(await dupIds(TEXTS[1])).toEqual([]); // not seen yet: refreshed less than a minute ago
    expireSignatureIndex(t.deps.db);
    expect(await dupIds(TEXTS[1])).toEqual([id]);
  });

  it('refreshes by itself once older than the staleness bound', async () => {
    setSignatureIndexStaleness(50);
    await dupIds(TEXTS[2]);
    const { id, text } = await newTicket(other?.db ?? t.deps.db, TEXTS[2]);
    await signElsewhere(id, text);
    await new Promise((r) => setTimeout(r, 80));
    expect(await dupIds(TEXTS[2])).toEqual([id]);
  });

  it('finds what this process signs at once, and its intake groups once committed', async () => {
    setSignatureIndexStaleness(60_000);
    await dupIds(TEXTS[3]);
    const own = await newTicket(t.deps.db, TEXTS[3]);
    await indexTicketText(t.deps.db, own.id, own.text);
    expect(await dupIds(TEXTS[3])).toEqual([own.id]);
    // intake writes no signature: it reports the committed group, and the next lookup signs it
    installSignatureIndexHooks();
    const group = await newTicket(t.deps.db, TEXTS[3], 2 * day);
    expect(await t.db.selectFrom('ticket_signatures').select('ticket_id').where('ticket_id', '=', group.id).execute()).toEqual([]);
    await intakeHooks.afterCommit(t.deps.db, 1);
    expect(await dupIds(TEXTS[3])).toEqual([own.id, group.id]);
    expect(await t.db.selectFrom('ticket_signatures').select('ticket_id').where('ticket_id', '=', group.id).execute()).toHaveLength(1);
  });

  it('signs tickets another node took in (no signature yet) at the next refresh', async () => {
    setSignatureIndexStaleness(0);
    const OTHER_NODE_TEXT = '乍洋乡政府门口的下水道堵塞了，污水漫到路面上，气味很大，过往行人只能绕行。';
    await dupIds(OTHER_NODE_TEXT);
    const elsewhere = await newTicket(other?.db ?? t.deps.db, OTHER_NODE_TEXT);
    expect(await dupIds(OTHER_NODE_TEXT)).toEqual([elsewhere.id]);
    // and a ticket committed while a refresh had already read its snapshot is taken by the next one
    const later = await newTicket(other?.db ?? t.deps.db, OTHER_NODE_TEXT, 2 * day);
    expect(await dupIds(OTHER_NODE_TEXT)).toEqual([elsewhere.id, later.id]);
  });

  it('drops closed and merged tickets at once, whoever closed them', async () => {
    setSignatureIndexStaleness(60_000);
    const [a] = await dupIds(TEXTS[0]);
    const [b] = await dupIds(TEXTS[1]);
    expect(a && b).toBeTruthy();
    const writer = other?.db ?? t.deps.db;
    await writer.updateTable('tickets').set({ status: 'closed' }).where('id', '=', a).execute();
    await writer.updateTable('tickets').set({ status: 'merged' }).where('id', '=', b).execute();
    expect(await dupIds(TEXTS[0])).toEqual([]);
    expect(await dupIds(TEXTS[1])).toEqual([]);
    await writer.updateTable('tickets').set({ status: 'dispatched' }).where('id', '=', a).execute(); // reopened
    expect(await dupIds(TEXTS[0])).toEqual([a]);
  });

  it('answers a window longer than it holds from the database', async () => {
    const { id, text } = await newTicket(t.deps.db, TEXTS[4], 45 * day);
    await indexTicketText(t.deps.db, id, text);
    const { bands } = fingerprint(retyped(TEXTS[4]));
    expect(await indexedCandidates(t.deps, { bands, since: new Date(now() - 60 * day), limit: 10 })).toBeNull();
    expect(await dupIds(TEXTS[4], 60)).toEqual([id]);
    expect(await dupIds(TEXTS[4])).toEqual([]);
  });

  it('relates places by division paths, divisions added after the place tree was read included', async () => {
    await dupIds(TEXTS[6]); // the place tree is read by now
    await t.deps.db.insertInto('divisions').values([
      { code: '99', name: '测试省', level: 1, parent_code: null, path: '/99/' },
      { code: '9901', name: '甲市', level: 2, parent_code: '99', path: '/99/9901/' },
      { code: '9902', name: '乙市', level: 2, parent_code: '99', path: '/99/9902/' },
    ]).execute();
    const id = await insertTestTicket(t.deps.db, { title: '车库积水', content: TEXTS[6], division_code: '9901', received_at: new Date(now() - day) });
    await indexTicketText(t.deps.db, id, ticketText({ title: '车库积水', content: TEXTS[6] }));
    const inPlace = async (divisionCode: string) =>
      (await findDuplicates(t.deps, { text: retyped(TEXTS[6]), divisionCode })).duplicates.map((d) => d.id);
    expect(await inPlace('9901')).toEqual([id]);
    expect(await inPlace('9902')).toEqual([]);
  });

  it.runIf(kind === 'postgres')('sees a signature whose transaction began before a refresh and committed after it', async () => {
    setSignatureIndexStaleness(60_000);
    await dupIds(TEXTS[5]);
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    let signed!: () => void;
    const wasSigned = new Promise<void>((r) => (signed = r));
    let id = '';
    const writing = other!.db.transaction().execute(async (trx) => {
      const x = await newTicket(trx, TEXTS[5]);
      id = x.id;
      await indexTicketText(trx, x.id, x.text);
      signed();
      await held;
    });
    await wasSigned;
    // A later transaction commits meanwhile, so the refresh's snapshot lists the writer as running
    // below its xmax (a "newer than the last seen" watermark would skip the writer's row).
    await newTicket(t.deps.db, '今天天气很好，没有什么要反映的。');
    expireSignatureIndex(t.deps.db);
    expect(await dupIds(TEXTS[5])).toEqual([]); // refreshed while the writer is still open
    commit();
    await writing;
    expireSignatureIndex(t.deps.db);
    expect(await dupIds(TEXTS[5])).toEqual([id]);
  });
});
