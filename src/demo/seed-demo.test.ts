import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { resolveRoute } from '../dispatch/route.ts';
import { ESTATES } from './tickets.data.ts';
import { verifyChains } from '../tickets/verify-chains.ts';
import { DEMO_USERNAMES, seedDemoIfEmpty, type DemoResult } from './seed-demo.ts';

const DAY = 24 * 3600_000;

describe.each(DB_KINDS)('demo city on %s', (kind) => {
  let t: TestDb;
  let res: DemoResult;
  let now: Date;
  beforeAll(async () => {
    t = await createTestDb(kind);
    now = new Date();
    t.clock.set(now);
    res = await seedDemoIfEmpty(t.deps, { password: 'Demo-pass-1', tickets: 80, history: 150, quiet: true });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('seeds once, into an empty database only', async () => {
    expect(res.seeded).toBe(true);
    expect(await seedDemoIfEmpty(t.deps, { password: 'x' })).toEqual({ seeded: false });
  });

  it('has all of 宁德市: counties, townships and villages, with a government taking each county by default', async () => {
    const levels = await t.db.selectFrom('divisions').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').orderBy('level').execute();
    expect(levels.map((l) => [l.level, Number(l.n)])).toEqual([[1, 1], [2, 1], [3, 9], [4, 130], [5, 2368], [6, 3]]);
    const govs = await t.db.selectFrom('units').select('division_code').where('is_fallback', '=', true).execute();
    expect(govs.map((g) => g.division_code).sort()).toEqual(['3509', '350902', '350921', '350922', '350923', '350924', '350925', '350926', '350981', '350982']);
    const villages = await t.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'community').where('whitelist_only', '=', true).executeTakeFirstOrThrow();
    expect(Number(villages.n)).toBe(2368);
  });

  it('routes like the city does: city departments in the city proper, county departments and townships elsewhere, 兜底 otherwise', async () => {
    const name = async (categoryCode: string, divisionCode: string) => (await resolveRoute(t.deps, { categoryCode, divisionCode })).leadUnitName;
    const jiaocheng = await t.db.selectFrom('divisions').select('code').where('path', 'like', '/35/3509/350902/%').where('level', '=', 5).executeTakeFirstOrThrow();
    expect(await name('010101', jiaocheng.code)).toBe('宁德市住房和城乡建设局');
    expect(await name('010101', '350926100001')).toBe('柘荣县住房和城乡建设局');
    expect(await name('060101', '350926101201')).toBe('富溪镇人民政府');
    expect(await name('160201', '350926101201')).toBe('国网宁德供电公司');
    const fallback = await resolveRoute(t.deps, { categoryCode: '180101', divisionCode: '350926101201' });
    expect(fallback).toMatchObject({ leadUnitName: '柘荣县人民政府', fallback: true });
  });

  it('gives every demo account the chosen password', async () => {
    const app = await buildApp(t.deps, { logger: false, web: false });
    try {
      for (const username of DEMO_USERNAMES) {
        const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Demo-pass-1' } });
        expect(r.statusCode, username).toBe(200);
      }
      const me = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xiangzhen', password: 'Demo-pass-1' } });
      expect(me.json()).toMatchObject({ role: 'handler', unitName: '双城镇人民政府' });
    } finally {
      await app.close();
    }
  });

  it('walks tickets into many states over the last 90 days, with intact event chains and past timestamps', async () => {
    const statuses = res.tickets!.byStatus;
    expect(res.tickets!.created).toBeGreaterThanOrEqual(80);
    expect(res.tickets!.failures).toBe(0); // every scripted step went through (an API change must not make the demo skip them)
    expect(statuses.closed).toBeGreaterThan(20);
    // live tickets go through intake with the models learned from the history: what they
    // dispatched alone is on record, and the wrong ones were returned and corrected
    const auto = await t.db.selectFrom('ticket_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'auto_dispatch').executeTakeFirstOrThrow();
    expect(Number(auto.n)).toBe(res.tickets!.autoDispatched);
    expect(res.tickets!.autoCorrected).toBeLessThanOrEqual(res.tickets!.autoDispatched);
    for (const s of ['received', 'dispatched', 'signed', 'handling', 'replied', 'callback', 'returned', 'merged', 'closed']) {
      expect(statuses[s] ?? 0, s).toBeGreaterThan(0);
    }
    const all = await t.db.selectFrom('tickets').select(['received_at', 'closed_at', 'source_ref']).execute();
    const tickets = all.filter((tk) => !tk.source_ref?.startsWith('demo-history-'));
    for (const tk of tickets) {
      expect(new Date(tk.received_at).getTime()).toBeGreaterThan(now.getTime() - 91 * DAY);
      expect(new Date(tk.received_at).getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const spread = tickets.map((tk) => new Date(tk.received_at).getTime());
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(40 * DAY);
    const late = await t.db.selectFrom('ticket_events').select('id').where('at', '>', now).execute();
    expect(late).toEqual([]);
    // a reply answers its own ticket: an estate it names is the one the ticket's text names
    const replied = await t.db.selectFrom('tickets as tk')
      .select(['tk.content', 'tk.reply_text']).where('tk.reply_text', 'is not', null).execute();
    let named = 0;
    for (const r of replied) {
      for (const e of ESTATES) if (r.reply_text!.includes(e)) (named++, expect(r.content, r.reply_text!).toContain(e));
    }
    expect(named).toBeGreaterThan(0);
    const chains = await verifyChains(t.deps);
    expect(chains.problems).toEqual([]);
    expect(chains.events).toBeGreaterThan(tickets.length * 2);
  });

  it('brings an imported history of closed tickets from before the live 90 days, each with its category, place and routed unit', async () => {
    expect(res.history).toBe(150);
    const imported = await t.db.selectFrom('tickets')
      .select(['received_at', 'replied_at', 'status', 'category_code', 'division_code', 'lead_unit_id', 'reply_text', 'request_type'])
      .where('source_ref', 'like', 'demo-history-%').execute();
    expect(imported).toHaveLength(150);
    for (const tk of imported) {
      const at = new Date(tk.received_at).getTime();
      expect(at).toBeLessThan(now.getTime() - 90 * DAY);
      expect(at).toBeGreaterThan(now.getTime() - 460 * DAY);
      expect(new Date(tk.replied_at!).getTime()).toBeGreaterThan(at);
      expect(tk).toMatchObject({ status: 'closed' });
      expect(tk.category_code && tk.division_code && tk.lead_unit_id && tk.reply_text).toBeTruthy();
    }
    // several request types and many categories: enough for the models to learn from
    expect(new Set(imported.map((tk) => tk.request_type)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(imported.map((tk) => tk.category_code)).size).toBeGreaterThan(25);
  });
});
