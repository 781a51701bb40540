// A grid worker on a phone (390×844) reports what was found on patrol with a photo and closes it
// on the spot (直办); the report appears in their own list.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, startTestServer, type TestServer } from './server.ts';
import { PHOTO_PNG, pickOption, signIn } from './helpers.ts';

if (!HAS_CHROMIUM) console.warn(`[browser tests] grid skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

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

describe.skipIf(!HAS_CHROMIUM)('grid worker in a browser', () => {
  let srv: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    srv = await startTestServer();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('reports with a photo and closes on the spot at 390×844', async () => {
    onTestFailed(async () => {
      const file = `${tmpdir()}/lx-browser-grid.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[browser tests] screenshot of the failure: ${file}`);
    });
    await signIn(page, srv.url, 'grid', srv.fixture.password, '/grid');
    await page.locator('#grid-content').fill('城北社区健身广场的下水道井盖松动，已现场协调物业固定好。');
    await page.locator('input[type=file]').setInputFiles({ name: 'manhole.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item-error').first().waitFor();
    expect(await page.locator('.ant-upload-list-item-error').count(), 'photo upload failed').toBe(0);
    await pickOption(page, 'grid-division-4', '双城镇');
    await pickOption(page, 'grid-division-5', '城北社区');
    await page.locator('#grid-phone').fill('13905930099');
    await page.locator('#grid-solved').click();
    await page.locator('#grid-onsite-result').fill('已现场协调物业用螺栓固定井盖。');
    const box = await page.getByTestId('grid-submit').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.getByTestId('grid-submit').click();
    const number = (await page.getByTestId('grid-result-number').textContent())!.trim();
    expect(number).toMatch(/^LX\d{14}$/);
    expect(await page.getByTestId('grid-result-status').textContent()).toBe('已办结');

    const grid = await httpAs(srv.url, 'grid', srv.fixture.password);
    const mine = await grid.get(`/api/v1/tickets?q=${number}`);
    expect(mine.body.items).toHaveLength(1);
    const d = await grid.get(`/api/v1/tickets/${mine.body.items[0].id}`);
    expect(d.body).toMatchObject({ status: 'closed', channel: 'grid', divisionCode: srv.fixture.divisions.village1 });
    expect(d.body.attachments).toHaveLength(1);
    expect(d.body.replyText).toBe('已现场协调物业用螺栓固定井盖。');

    // the next report starts with the worker's phone already there
    await page.getByTestId('grid-again').click();
    expect(await page.locator('#grid-phone').inputValue()).toBe('13905930099');
    await page.getByTestId('grid-tab-mine').click();
    await page.getByTestId('grid-mine').getByText(number).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
