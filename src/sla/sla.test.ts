// Policies as data: the most specific policy wins, deadlines follow the holiday calendar, and
// admins manage policies over the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, FIXTURE_PASSWORD } from '../test/fixture.ts';
import { choosePolicy } from './policies.ts';
import { computeTicketDeadlines, deadlineFor } from './deadlines.ts';
import { SLA_EXTRA_POLICIES, seedDefaultPolicies } from './defaults.ts';
import { DEFAULT_POLICIES } from '../orgs/defaults.ts';
import type { TimeLimitPolicy } from '../contract/sla.ts';

const P = (id: string, urgency: string | null, requestType: string | null): TimeLimitPolicy =>
  ({ id, stage: 'reply', urgency, requestType, amount: 1, unit: 'hours', note: null }) as TimeLimitPolicy;

describe('choosePolicy', () => {
  const all = [P('neither', null, null), P('type', null, 'complaint'), P('urg', 'emergency', null), P('both', 'emergency', 'complaint')];
  it('prefers urgency+type > urgency > type > neither', () => {
    expect(choosePolicy(all, { stage: 'reply', urgency: 'emergency', requestType: 'complaint' })?.id).toBe('both');
    expect(choosePolicy(all, { stage: 'reply', urgency: 'emergency', requestType: 'help' })?.id).toBe('urg');
    expect(choosePolicy(all.slice(0, 2).concat(all[2]), { stage: 'reply', urgency: 'emergency', requestType: 'complaint' })?.id).toBe('urg');
    expect(choosePolicy(all, { stage: 'reply', urgency: 'general', requestType: 'complaint' })?.id).toBe('type');
    expect(choosePolicy(all, { stage: 'reply', urgency: 'general', requestType: 'help' })?.id).toBe('neither');
    expect(choosePolicy(all, { stage: 'sign', urgency: 'general', requestType: 'help' })).toBeNull();
  });
});

describe.each(DB_KINDS)('SLA deadlines on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
    // The fixture seeds the defaults already; seeding again changes nothing.
    expect(await seedDefaultPolicies(t.deps.db)).toBe(0);
    const n = await t.db.selectFrom('time_limit_policies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(DEFAULT_POLICIES.length + SLA_EXTRA_POLICIES.length);
    app = await buildApp(t.deps, { logger: false, web: false });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: FIXTURE_PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'lx_session')!;
    admin = `${c.name}=${c.value}`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const sh = (s: string) => new Date(s).toISOString();

  it('counts working days across National Day 2025', async () => {
    const from = new Date('2025-09-30T10:00:00+08:00');
    const d = await computeTicketDeadlines(t.deps, { urgency: 'general', requestType: 'consult', receivedAt: from });
    expect(iso(d.dispatch)).toBe(sh('2025-10-09T10:00:00+08:00'));
    expect(iso(d.sign)).toBe(sh('2025-10-09T10:00:00+08:00'));
    expect(iso(d.reply)).toBe(sh('2025-10-11T10:00:00+08:00')); // 3 wd: Oct 9, 10, make-up Sat 11
    expect(iso(d.returnWindow)).toBe(sh('2025-10-10T10:00:00+08:00'));
    expect(iso(d.callback)).toBe(sh('2025-10-14T10:00:00+08:00')); // reply + 2 wd: Oct 13, 14
  });
  it('counts working days across Spring Festival 2026 and uses hours for emergencies', async () => {
    const from = new Date('2026-02-13T16:30:00+08:00');
    const complaint = await computeTicketDeadlines(t.deps, { urgency: 'general', requestType: 'complaint', receivedAt: from });
    // 15 wd after Fri Feb 13: Sat 14 (make-up), 24, 25, 26, 27, Sat 28 (make-up), Mar 2–6, Mar 9–12.
    expect(iso(complaint.reply)).toBe(sh('2026-03-12T16:30:00+08:00'));
    const emergency = await computeTicketDeadlines(t.deps, { urgency: 'emergency', requestType: 'complaint', receivedAt: from });
    expect(iso(emergency.dispatch)).toBe(sh('2026-02-13T17:30:00+08:00'));
    expect(iso(emergency.reply)).toBe(sh('2026-02-14T16:30:00+08:00'));
    const complex = await deadlineFor(t.deps, { stage: 'reply', urgency: 'complex', requestType: 'consult', from });
    expect(iso(complex)).toBe(iso(complaint.reply));
    const utility = await deadlineFor(t.deps, { stage: 'sign', urgency: 'utility', requestType: 'help', from });
    expect(iso(utility)).toBe(sh('2026-02-13T18:30:00+08:00'));
  });
  it('lets an admin add, change and remove policies, effective at once', async () => {
    const base = '/api/v1/admin/time-limit-policies';
    const h = { cookie: admin };
    expect((await app.inject({ method: 'GET', url: base })).statusCode).toBe(401);
    const list = await app.inject({ method: 'GET', url: `${base}?stage=reply&pageSize=3`, headers: h });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    expect(list.json().total).toBeGreaterThanOrEqual(9);
    const from = new Date('2025-09-30T10:00:00+08:00');
    const body = { stage: 'reply', urgency: 'general', requestType: 'consult', amount: 1, unit: 'working_days', note: '试点' };
    const created = await app.inject({ method: 'POST', url: base, headers: h, payload: body });
    expect(created.statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: base, headers: h, payload: body })).statusCode).toBe(409);
    const dl = () => deadlineFor(t.deps, { stage: 'reply', urgency: 'general', requestType: 'consult', from });
    expect(iso(await dl())).toBe(sh('2025-10-09T10:00:00+08:00'));
    const id = created.json().id;
    const put = await app.inject({ method: 'PUT', url: `${base}/${id}`, headers: h, payload: { amount: 6, unit: 'hours' } });
    expect(put.statusCode).toBe(200);
    expect(iso(await dl())).toBe(sh('2025-09-30T16:00:00+08:00'));
    expect((await app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: h })).statusCode).toBe(200);
    expect(iso(await dl())).toBe(sh('2025-10-11T10:00:00+08:00'));
    expect((await app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: h })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: `${base}/nope`, headers: h, payload: { amount: 1, unit: 'hours' } })).statusCode).toBe(400);
    const bad = await app.inject({ method: 'POST', url: base, headers: h, payload: { ...body, amount: 1.5, unit: 'working_days' } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: base, headers: h, payload: { ...body, stage: 'lunch' } })).statusCode).toBe(400);
  });
  it('previews deadlines publicly', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/sla/preview?urgency=general&type=help&receivedAt=2025-01-27T09:00:00%2B08:00' });
    expect(res.statusCode).toBe(200);
    // help: 5 wd after Mon Jan 27 2025: Feb 5, 6, 7, Sat 8 (make-up), Mon 10.
    expect(res.json().reply).toBe(sh('2025-02-10T09:00:00+08:00'));
    expect((await app.inject({ method: 'GET', url: '/api/v1/sla/preview?receivedAt=soon' })).statusCode).toBe(400);
  });
});
