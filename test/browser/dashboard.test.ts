// A supervisor watches the rates in a real browser: a ticket is walked through the API (dispatch,
// sign, reply, callback) and after a reload the dashboard's 满意率 changes; the formula shows on
// hover; a division's profile (一村一档) opens.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, startTestServer, type TestServer } from './server.ts';
import { pickOption, signIn } from './helpers.ts';

if (!HAS_CHROMIUM) console.warn(`[browser tests] dashboard skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

/** A signed-in HTTP client against the running server (cookie kept). */
async function httpAs(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
  return { get: (p: string) => call('GET', p), post: (p: string, b?: unknown) => call('POST', p, b ?? {}) };
}

describe.skipIf(!HAS_CHROMIUM)('dashboard in a browser', () => {
  let srv: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    srv = await startTestServer();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function walkedTicket(satisfaction: 'satisfied' | 'unsatisfied') {
    const pw = srv.fixture.password;
    const agent = await httpAs(srv.url, 'agent', pw);
    const zhujian = await httpAs(srv.url, 'zhujian', pw);
    const created = await agent.post('/api/v1/tickets', {
      content: '城北社区老旧小区外墙瓷砖脱落，存在安全隐患，请尽快处理。', categoryCode: srv.fixture.categories.construction,
      divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905930001' },
    });
    expect(created.body.status).toBe('dispatched');
    const id = created.body.id as string;
    expect((await zhujian.post(`/api/v1/tickets/${id}/transitions`, { action: 'sign' })).status).toBe(200);
    expect((await zhujian.post(`/api/v1/tickets/${id}/transitions`, { action: 'reply', text: '已组织施工单位清理并加固外墙。' })).status).toBe(200);
    const cb = await agent.post(`/api/v1/tickets/${id}/transitions`, { action: 'callback', resolved: satisfaction === 'satisfied', satisfaction });
    expect(cb.status).toBe(200);
    return id;
  }

  const rateText = async (k: string) => (await page.getByTestId(`rate-${k}`).textContent())!.trim();

  it('a supervisor sees the satisfaction rate change after a ticket is rated, with the formula on hover', async () => {
    onTestFailed(async () => {
      const file = `${tmpdir()}/lx-browser-dashboard.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[browser tests] screenshot of the failure: ${file}`);
    });
    await signIn(page, srv.url, 'supervisor', srv.fixture.password, '/dashboard');
    await page.getByTestId('rate-satisfaction').waitFor();
    expect(await rateText('satisfaction')).toBe('—'); // nothing rated yet

    await walkedTicket('satisfied');
    await page.reload();
    await page.getByTestId('rate-satisfaction').waitFor();
    await expect.poll(() => rateText('satisfaction')).toBe('100.0%');
    expect(await rateText('response')).toBe('100.0%');

    await walkedTicket('unsatisfied');
    await page.getByTestId('dash-refresh').click();
    await expect.poll(() => rateText('satisfaction')).toBe('50.0%');
    expect((await page.getByTestId('rate-satisfaction-counts').textContent())!.replace(/\s/g, '')).toContain('1/2');

    await page.getByTestId('formula-satisfaction').first().hover();
    const tip = page.locator('.ant-tooltip:visible');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('满意率 =');
    expect(await tip.textContent()).toContain('基本满意');

    // The trend and the map are drawn; the units table lists the county's units.
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    await page.getByTestId('division-map').locator('canvas').first().waitFor();
    expect(await page.locator('.ant-table-row', { hasText: '县住建局' }).count()).toBeGreaterThan(0);

    // …and exports as a spreadsheet: every unit, with the numerators and denominators
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rates-export').click()]);
    expect(dl.suggestedFilename()).toMatch(/^rates-by-unit_.*\.csv$/);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF承办单位,')).toBe(true);
    const line = csv.split('\r\n').find((l) => l.includes('县住建局'));
    expect(line, csv.slice(0, 300)).toBeTruthy();
  });

  it('a division profile (一村一档) shows its tickets and rates', async () => {
    await page.goto(`${srv.url}/dashboard/division/${srv.fixture.divisions.township1}`);
    await page.getByTestId('profile-title').waitFor();
    expect(await page.getByTestId('profile-title').textContent()).toContain('双城镇');
    await expect.poll(() => rateText('satisfaction')).toBe('50.0%');
    expect(await page.locator('.ant-list-item', { hasText: '外墙瓷砖' }).count()).toBe(2);
  });

  it('a supervisor opens a hotspot cluster, sees its tickets and makes it a proactive case (未诉先办)', async () => {
    const agent = await httpAs(srv.url, 'agent', srv.fixture.password);
    const texts = [
      '翠屏花园小区门口垃圾站臭气熏天，垃圾好几天没人清运',
      '翠屏花园小区门口垃圾站垃圾堆积，几天没清运，气味很难闻',
      '反映翠屏花园小区垃圾站垃圾无人清运，夏天臭气熏天',
      '翠屏花园小区门口的垃圾站垃圾满了没人清运，苍蝇蚊子很多',
    ];
    for (const [i, content] of texts.entries()) {
      const r = await agent.post('/api/v1/tickets', { content, divisionCode: srv.fixture.divisions.village1, contact: { phone: `1390593100${i}` }, hold: true });
      expect(r.status).toBe(201);
    }
    await page.goto(`${srv.url}/dashboard`);
    await page.getByRole('tab', { name: '热点聚类' }).click();
    const row = page.locator('.ant-table-row', { hasText: '垃圾' }).first();
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.locator('.ant-table-expanded-row .ant-table-row').count()).toBe(texts.length);
    await row.getByRole('button', { name: '立为主动治理案件' }).click();
    // the supervisor names a lead unit and a deadline in working days
    const dialog = page.getByRole('dialog');
    await pickOption(page, 'leadUnitId', '柘荣县城市管理局', '城市管理');
    await dialog.locator('#dueWorkingDays').fill('5');
    await dialog.getByRole('button', { name: '立为主动治理案件' }).click();
    await page.getByText('已立案：').waitFor();
    await row.getByText('已立案').waitFor();
    const caseRow = page.locator('.ant-table-row', { hasText: '垃圾' }).last();
    await expect.poll(async () => (await caseRow.textContent()) ?? '').toContain('办理中');
    expect(await caseRow.textContent()).toContain('柘荣县城市管理局');
    const supervisor = await httpAs(srv.url, 'supervisor', srv.fixture.password);
    const list = await supervisor.get('/api/v1/hotspots/cases');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ memberCount: texts.length, leadUnitName: '柘荣县城市管理局', overdue: false });
    expect(await caseRow.textContent()).toContain(new Date(new Date(list.body.items[0].dueAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10)); // Beijing date

    // the lead unit finds the case in its workbench and records progress there, but cannot close it
    const unitPage = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    await signIn(unitPage, srv.url, 'chengguan', srv.fixture.password, '/workbench');
    const ledRow = unitPage.locator('.ant-card', { hasText: '本单位牵头的主动治理案件' }).locator('.ant-table-row', { hasText: '垃圾' });
    await ledRow.waitFor();
    expect(await ledRow.getByRole('button', { name: /^办\s*结$/ }).count()).toBe(0);
    await ledRow.getByRole('button', { name: '记进展' }).click();
    await unitPage.getByRole('dialog').getByLabel('进展说明').fill('城管局已增派清运车辆');
    await unitPage.getByRole('dialog').getByRole('button', { name: '记进展' }).click();
    await unitPage.getByText('已记进展').waitFor();
    await unitPage.context().close();

    // progress, then the result: both land on every member ticket's timeline
    await caseRow.getByRole('button', { name: '记进展' }).click();
    await page.getByRole('dialog').getByLabel('进展说明').fill('已约谈环卫站，改为每日清运');
    await page.getByRole('dialog').getByRole('button', { name: '记进展' }).click();
    await page.getByText('已记进展').waitFor();
    await caseRow.getByRole('button', { name: /^办\s*结$/ }).click();
    await page.getByRole('dialog').getByLabel('办结结果').fill('垃圾站已每日清运两次并加装除臭设备');
    await page.getByRole('dialog').getByRole('button', { name: /^办\s*结$/ }).click();
    await page.getByText('案件已办结').waitFor();
    await expect.poll(async () => (await caseRow.textContent()) ?? '').toContain('已办结');
    expect(await caseRow.getByRole('button', { name: /^办\s*结$/ }).count()).toBe(0);
    // a member ticket opens from the case, its timeline showing the case's steps
    await caseRow.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('member-ticket').first().click();
    await page.locator('.ant-drawer').getByText('已办结：垃圾站已每日清运两次').waitFor();
    await page.keyboard.press('Escape');
    const one = await supervisor.get(`/api/v1/hotspots/cases/${list.body.items[0].id}`);
    expect(one.body).toMatchObject({ status: 'closed', result: '垃圾站已每日清运两次并加装除臭设备', progressCount: 2 });
    for (const m of one.body.members as { id: string }[]) {
      const tk = await supervisor.get(`/api/v1/tickets/${m.id}`);
      const notes = (tk.body.events as { action: string; note: string | null }[]).filter((e) => e.action.startsWith('case_')).map((e) => e.action);
      expect(notes).toEqual(['case_join', 'case_progress', 'case_progress', 'case_close']);
    }
  });
});
