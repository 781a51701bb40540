// The public tracking gate cannot be brute-forced: wrong digits are counted per ticket number and
// per client address in the database; past the limit even the right digits wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { TRACK_LIMITS } from './track-throttle.ts';

describe.each(DB_KINDS)('tracking gate limits on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const track = (number: string, phone: string, ip: string) =>
    app.inject({ method: 'GET', url: `/api/v1/track/${number}?phone=${phone}`, headers: { 'x-forwarded-for': ip } });
  async function newTicket(phone: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { content: '楼下路灯坏了好几天，晚上很黑', divisionCode: fx.divisions.village1, contact: { phone } } });
    expect(res.statusCode).toBe(201);
    return res.json().number;
  }

  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('locks a ticket number after 5 wrong answers, for the right answer too, until the lock ends', async () => {
    const number = await newTicket('13911112222');
    expect((await track(number, '2222', '10.0.0.1')).statusCode).toBe(200);
    for (let i = 0; i < TRACK_LIMITS.perNumber.limit; i++) expect((await track(number, String(1000 + i), `10.0.1.${i}`)).statusCode).toBe(404);
    const locked = await track(number, '2222', '10.0.0.2');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message.zh).toContain('15 分钟');
    // rating is behind the same gate
    const rate = await app.inject({ method: 'POST', url: `/api/v1/track/${number}/rate`, headers: { 'x-forwarded-for': '10.0.0.3' }, payload: { phone: '2222', resolved: true, satisfaction: 'satisfied' } });
    expect(rate.statusCode).toBe(429);
    // 16 minutes later the citizen gets in
    t.clock.set(new Date(t.clock.now.getTime() + 16 * 60_000));
    expect((await track(number, '2222', '10.0.0.2')).statusCode).toBe(200);
  });

  it('locks a client address that sweeps many numbers with a few guesses each', async () => {
    const numbers = await Promise.all(Array.from({ length: 8 }, (_, i) => newTicket(`1390000${String(1000 + i)}`)));
    let n = 0;
    for (const number of numbers) for (let g = 0; g < 4; g++, n++) if (n < TRACK_LIMITS.perAddress.limit) expect((await track(number, '9999', '10.9.9.9')).statusCode).toBe(404);
    expect((await track(numbers[0], '1000', '10.9.9.9')).statusCode).toBe(429);
    // another address is not held up (the first number has had 4 wrong answers, under its own limit)
    expect((await track(numbers[0], '1000', '10.9.9.10')).statusCode).toBe(200);
  });
});
