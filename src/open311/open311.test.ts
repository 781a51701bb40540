// Open311 GeoReport v2: services from the category tree, a keyed POST taken in like any ticket
// (routed by the rules), the public list without personal details, and errors as the spec's array.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { parseKeys } from './open311.ts';

const KEY = 'fms-test-key-123';

describe('parseKeys', () => {
  it('reads name=key pairs and ignores short keys', () => {
    expect([...parseKeys('FixMyStreet=abcdefgh1, short=abc , lonekey12345')]).toEqual([['abcdefgh1', 'FixMyStreet'], ['lonekey12345', 'lonekey12345']]);
    expect(parseKeys(undefined).size).toBe(0);
  });
});

describe.each(DB_KINDS)('Open311 GeoReport v2 on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const form = (o: Record<string, string>) => ({ payload: new URLSearchParams(o).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  beforeAll(async () => {
    process.env.LIANXIN_OPEN311_KEYS = `FixMyStreet=${KEY}`;
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    delete process.env.LIANXIN_OPEN311_KEYS;
    await app?.close();
    await t?.close();
  });

  it('lists the categories as services, with a definition each', async () => {
    const disc = (await app.inject({ url: '/open311/v2/discovery.json' })).json();
    expect(disc.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json'] });
    const services = (await app.inject({ url: '/open311/v2/services.json' })).json();
    expect(services.find((s: { service_code: string }) => s.service_code === fx.categories.propertyService)).toMatchObject({ service_name: '物业服务', group: '城乡建设', metadata: false, type: 'realtime' });
    expect((await app.inject({ url: `/open311/v2/services/${fx.categories.propertyService}.json` })).json()).toEqual({ service_code: fx.categories.propertyService, attributes: [] });
    const missing = await app.inject({ url: '/open311/v2/services/9999.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0]).toMatchObject({ code: 404 });
    const xml = await app.inject({ url: '/open311/v2/services.xml' });
    expect(xml.statusCode).toBe(404);
    expect(Array.isArray(xml.json())).toBe(true);
  });

  it('takes a keyed request in like any ticket and lists it without personal details', async () => {
    const request = { service_code: fx.categories.propertyService, description: '小区电梯坏了一个星期，物业不修。联系人王建国', address_string: '柘荣县双城镇城北社区金山苑', lat: '27.2307', long: '119.9001', phone: '13912340000', last_name: '王', first_name: '建国' };
    const nokey = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(request) });
    expect(nokey.statusCode).toBe(403);
    expect(nokey.json()[0]).toMatchObject({ code: 403 });
    const res = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form({ ...request, api_key: KEY }) });
    expect(res.statusCode, res.body).toBe(201);
    const [{ service_request_id: id }] = res.json();
    const row = await t.db.selectFrom('tickets').select(['channel', 'status', 'lead_unit_id', 'division_code', 'category_code']).where('id', '=', id).executeTakeFirstOrThrow();
    // like a citizen's own choice of category on the web: kept, and the dispatcher (or a confident classifier) routes it
    expect(row).toMatchObject({ channel: 'open311', status: 'received', division_code: fx.divisions.village1, category_code: fx.categories.propertyService });

    const one = (await app.inject({ url: `/open311/v2/requests/${id}.json` })).json();
    expect(one[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: fx.categories.propertyService, service_name: '物业服务', lat: 27.2307, long: 119.9001 });
    expect(one[0].expected_datetime).toBeNull(); // no reply deadline before a unit has it
    expect(one[0].description).toContain('[姓名]');
    expect(JSON.stringify(one)).not.toContain('13912340000');
    const list = (await app.inject({ url: `/open311/v2/requests.json?service_code=${fx.categories.propertyService}&status=open` })).json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    // the spec's lists: several values comma delimited (or the parameter repeated) are their union
    for (const q of [`service_code=${fx.categories.cityLook},${fx.categories.propertyService}&status=open,closed`, `service_code=${fx.categories.cityLook}&service_code=${fx.categories.propertyService}`]) {
      expect((await app.inject({ url: `/open311/v2/requests.json?${q}` })).json().map((r: { service_request_id: string }) => r.service_request_id), q).toContain(id);
    }
    expect((await app.inject({ url: `/open311/v2/requests.json?service_code=${fx.categories.cityLook}` })).json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    expect((await app.inject({ url: `/open311/v2/tokens/${id}.json` })).json()).toEqual([{ service_request_id: id, token: id }]);
    // JSON bodies are taken too
    const json = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { ...request, api_key: KEY } });
    expect(json.statusCode).toBe(201);
  });

  it("answers bad input with the spec's error array, never a 5xx", async () => {
    const bad: [Record<string, string>, number][] = [
      [{ api_key: KEY, description: '路灯坏了', phone: '13900000000', lat: '27', long: '119' }, 400], // no service_code
      [{ api_key: KEY, service_code: '9999', description: '路灯坏了', phone: '13900000000', lat: '27', long: '119' }, 422],
      [{ api_key: KEY, service_code: fx.categories.cityLook, description: '路灯坏了', phone: '13900000000' }, 400], // no location
      [{ api_key: KEY, service_code: fx.categories.cityLook, description: '路灯坏了', phone: '13900000000', lat: 'north', long: '119' }, 400],
      [{ api_key: KEY, service_code: fx.categories.cityLook, description: '路灯坏了', lat: '27', long: '119' }, 400], // no phone
      [{ api_key: KEY, service_code: fx.categories.cityLook, description: '路灯坏了', phone: 'abc', lat: '27', long: '119' }, 400],
    ];
    for (const [body, status] of bad) {
      const r = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(body) });
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json()[0].code).toBe(status);
    }
    for (const url of ['/open311/v2/requests.json?status=maybe', '/open311/v2/requests.json?start_date=yesterday', '/open311/v2/requests.json?page_size=100000', '/open311/v2/requests.json?service_request_id=LX1']) {
      expect((await app.inject({ url })).statusCode, url).toBe(400);
    }
    expect((await app.inject({ url: '/open311/v2/requests/00000000-0000-4000-8000-000000000000.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/open311/v2/requests/abc.json' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/open311/v2/requests.json?start_date=2026-12-01T00:00:00Z&end_date=2026-01-01T00:00:00Z' })).statusCode).toBe(400);
    // outside the resources: the spec's error array too; another method on a resource is 405
    const xml = await app.inject({ url: '/open311/v2/discovery.xml' });
    expect([xml.statusCode, xml.json()[0].code]).toEqual([404, 404]);
    const put = await app.inject({ method: 'PUT', url: '/open311/v2/requests.json', payload: {} });
    expect([put.statusCode, put.headers.allow, put.json()[0].code]).toEqual([405, 'GET, POST', 405]);
  });
});
