// An admin edits a routing rule in a real browser and the "which unit would get this?" tester
// then names the new unit.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, startTestServer, type TestServer } from './server.ts';
import { pickOption, signIn } from './helpers.ts';

if (!HAS_CHROMIUM) console.warn(`[browser tests] admin skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

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

describe.skipIf(!HAS_CHROMIUM)('admin in a browser', () => {
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

  async function runTester() {
    await pickOption(page, 'tester-category', '城乡建设');
    await pickOption(page, 'tester-division-4', '双城镇');
    await page.getByTestId('tester-run').click();
    await page.getByTestId('tester-unit').waitFor();
  }

  it('an admin edits a routing rule and the tester shows the new unit', async () => {
    onTestFailed(async () => {
      const file = `${tmpdir()}/lx-browser-admin.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[browser tests] screenshot of the failure: ${file}`);
    });
    await signIn(page, srv.url, 'admin', srv.fixture.password, '/admin/rules');
    await runTester();
    expect(await page.getByTestId('tester-unit').textContent()).toContain('住房和城乡建设局');

    const row = page.locator('tr.ant-table-row', { hasText: '城乡建设' }).first();
    await row.getByTestId('rule-edit').click();
    // The select already shows the current unit: open it by its box, then search.
    await page.locator('.ant-modal .ant-select', { has: page.locator('#rule-lead') }).click();
    await page.locator('#rule-lead').fill('城市管理');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '柘荣县城市管理局' }).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    await page.getByTestId('rule-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await expect.poll(async () => row.textContent()).toContain('城市管理局');

    await page.reload();
    await runTester();
    await expect.poll(async () => page.getByTestId('tester-unit').textContent()).toContain('城市管理局');

    // The server routes new tickets by the edited rule.
    const admin = await httpAs(srv.url, 'admin', srv.fixture.password);
    const r = await admin.post('/api/v1/routing/test', { categoryCode: srv.fixture.categories.construction, divisionCode: srv.fixture.divisions.township1 });
    expect(r.body.leadUnitId).toBe(srv.fixture.units.chengguan);
  });

  it('the rate formula settings change the published text', async () => {
    await page.goto(`${srv.url}/admin/rates`);
    await page.getByTestId('published-satisfaction').waitFor();
    expect(await page.getByTestId('published-satisfaction').textContent()).toContain('基本满意');
    await page.locator('#rates-basic').click();
    await expect.poll(async () => page.getByTestId('published-satisfaction').textContent()).not.toContain('基本满意');
    const admin = await httpAs(srv.url, 'admin', srv.fixture.password);
    expect((await admin.get('/api/v1/reports/formulas')).body.config.basicCountsAsSatisfied).toBe(false);
  });
});
