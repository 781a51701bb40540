// `npm run screenshots`: PNGs of every screen, in Chinese and English, into docs/screenshots/.
// Uses the running demo at $BASE_URL (with $LIANXIN_DEMO_PASSWORD), or starts its own demo server
// on a fresh data directory. Phone screens are taken at 390×844.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, ROOT, ensureWebBuilt } from '../test/browser/server.ts';
import { PHOTO_PNG, pickOption } from '../test/browser/helpers.ts';

const OUT = join(ROOT, 'docs/screenshots');
type Locale = 'zh' | 'en';

interface Shot {
  name: string;
  user: string | null;
  path: string;
  phone?: boolean;
  /** Do something on the page before the picture (fill a form, open a drawer…). */
  prepare?: (page: Page, ctx: Ctx) => Promise<void>;
}
interface Ctx {
  base: string;
  ticket: { number: string; id: string; last4: string };
}

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });

async function waitHealthy(base: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server at ${base} did not come up`);
}

async function startDemo(): Promise<{ base: string; password: string; child: ChildProcess }> {
  ensureWebBuilt();
  const port = await freePort();
  const password = process.env.LIANXIN_DEMO_PASSWORD ?? 'Shots-pass-1';
  const dataDir = mkdtempSync(join(tmpdir(), 'lx-shots-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/lianxin.js'), 'serve', '--demo'], {
    cwd: ROOT, env: { ...process.env, PORT: String(port), LIANXIN_DATA_DIR: dataDir, LIANXIN_DEMO_PASSWORD: password }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  console.log(`starting the demo at ${base} (data in ${dataDir}) …`);
  await waitHealthy(base, 600_000);
  return { base, password, child };
}

const settle = async (page: Page) => {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(600);
};

const SHOTS: Shot[] = [
  { name: 'citizen-submit', user: null, path: '/', phone: true },
  {
    name: 'citizen-submit-filled', user: null, path: '/', phone: true,
    prepare: async (page) => {
      await page.locator('#submit-content').fill('小区门口的路灯坏了一个多星期，晚上很黑，老人出门不安全。');
      await page.locator('#submit-phone').fill('13905930000');
      await page.locator('#submit-content').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'citizen-submitted', user: null, path: '/', phone: true,
    prepare: async (page) => {
      await page.locator('#submit-content').fill('城北社区菜市场门口占道经营严重，早高峰车辆无法通行。');
      await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO_PNG });
      await page.locator('.ant-upload-list-item-done, .ant-upload-list-item-error').first().waitFor();
      await page.locator('#submit-phone').fill('13905935678');
      await page.getByTestId('submit-ticket').click();
      await page.getByTestId('ticket-number').waitFor();
    },
  },
  {
    name: 'citizen-track', user: null, path: '/track', phone: true,
    prepare: async (page, c) => {
      await page.locator('#track-number').fill(c.ticket.number);
      await page.locator('#track-last4').fill(c.ticket.last4);
      await page.getByTestId('track-submit').click();
      await page.getByTestId('track-result').waitFor();
    },
  },
  { name: 'citizen-board', user: null, path: '/board', phone: true },
  { name: 'login', user: null, path: '/login' },
  { name: 'console', user: 'agent', path: '/console' },
  {
    name: 'console-call', user: 'agent', path: '/console',
    prepare: async (page, c) => {
      await page.locator('#console-phone').fill('13905935678');
      await page.locator('#console-content').fill('小区楼下烧烤店油烟很大，每天晚上营业到凌晨，噪音扰民，多次反映没有改善。');
      await page.getByTestId('caller-history').getByText(c.ticket.number).waitFor({ timeout: 10_000 }).catch(() => undefined);
      await page.waitForTimeout(1500);
    },
  },
  { name: 'dispatch', user: 'dispatcher', path: '/dispatch' },
  {
    name: 'dispatch-ticket', user: 'dispatcher', path: '/dispatch',
    prepare: async (page) => {
      await page.getByTestId('open-ticket').first().click();
      await page.locator('.ant-drawer [data-testid=ticket-actions]').waitFor();
    },
  },
  { name: 'workbench', user: 'zhujian', path: '/workbench' },
  {
    name: 'workbench-ticket', user: 'zhujian', path: '/workbench',
    prepare: async (page) => {
      await page.locator('tr.ant-table-row a').first().click();
      await page.getByTestId('detail-number').first().waitFor();
    },
  },
  { name: 'grid', user: 'grid', path: '/grid', phone: true },
  { name: 'dashboard', user: 'supervisor', path: '/dashboard' },
  { name: 'dashboard-division', user: 'supervisor', path: '/dashboard/division/350926' },
  {
    name: 'dashboard-hotspots', user: 'supervisor', path: '/dashboard',
    prepare: async (page) => {
      await page.getByRole('tab', { name: /热点聚类|Hotspot clusters/ }).click();
      const row = page.locator('.ant-table-row', { has: page.locator('.ant-table-row-expand-icon') }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.locator('.ant-table-row-expand-icon').click();
      await row.scrollIntoViewIfNeeded();
    },
  },
  {
    // a proactive case made from the top hotspot (through the API, as the button does), being closed
    name: 'dashboard-case-close', user: 'supervisor', path: '/dashboard',
    prepare: async (page, ctx) => {
      const cases = await (await page.request.get(`${ctx.base}/api/v1/hotspots/cases`)).json();
      if (!cases.items.some((c: { status: string }) => c.status === 'open')) {
        const hot = await (await page.request.get(`${ctx.base}/api/v1/hotspots?pageSize=1`)).json();
        const h = hot.items[0];
        // led by 市住建局, so the zhujian workbench shows it too
        const units = await (await page.request.get(`${ctx.base}/api/v1/units?q=${encodeURIComponent('宁德市住房')}`)).json();
        const leadUnitId = (units.items ?? units)[0]?.id;
        if (h) await page.request.post(`${ctx.base}/api/v1/hotspots/cases`, { data: { title: h.title, ticketIds: h.members.map((m: { id: string }) => m.id), leadUnitId, dueWorkingDays: 10 } });
        await page.reload();
      }
      await page.getByRole('tab', { name: /热点聚类|Hotspot clusters/ }).click();
      const row = page.locator('.ant-table-row', { has: page.getByRole('button', { name: /^办\s*结$|^Close case$/ }) }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.scrollIntoViewIfNeeded();
      await row.getByRole('button', { name: /^办\s*结$|^Close case$/ }).click();
      const zh = await page.getByRole('dialog').getByText('市民查询时可见').count();
      await page.getByRole('dialog').locator('textarea').fill(zh ? '已约谈相关责任单位，整改措施已落实；下月组织回访。' : 'The units responsible were called in and the fixes are in place; follow-up visits next month.');
    },
  },
  ...['org', 'users', 'categories', 'rules', 'time', 'rates'].map((s) => ({ name: `admin-${s}`, user: 'admin', path: `/admin/${s}` })),
];

async function context(browser: Browser, phone: boolean, locale: Locale): Promise<BrowserContext> {
  const ctx = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: locale === 'zh' ? 'zh-CN' : 'en-US' }
      : { viewport: { width: 1440, height: 900 }, locale: locale === 'zh' ? 'zh-CN' : 'en-US' },
  );
  await ctx.addInitScript((l) => localStorage.setItem('lx.locale', l), locale);
  return ctx;
}

async function main() {
  if (!HAS_CHROMIUM) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium`);
  mkdirSync(OUT, { recursive: true });
  let base = process.env.BASE_URL?.replace(/\/$/, '');
  let password = process.env.LIANXIN_DEMO_PASSWORD ?? '';
  let child: ChildProcess | undefined;
  if (!base) ({ base, password, child } = await startDemo());
  else if (!password) throw new Error('set LIANXIN_DEMO_PASSWORD to the demo password of the server at BASE_URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ctx: Ctx = { base, ticket: { number: '', id: '', last4: '5678' } };
  const only = process.argv.slice(2);
  let count = 0;
  try {
    // One ticket of our own to track and to show as a repeat caller.
    const created = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'h5', content: '城北社区菜市场门口占道经营严重，早高峰车辆无法通行，希望管一管。', contact: { phone: '13905935678' } }),
    });
    const body = (await created.json()) as { id: string; number: string };
    ctx.ticket = { ...ctx.ticket, number: body.number, id: body.id };
    for (const locale of ['zh', 'en'] as Locale[]) {
      for (const shot of SHOTS) {
        if (only.length && !only.some((o) => shot.name.startsWith(o))) continue;
        // One retry: a busy demo (or a web build running meanwhile) can make a page slow once.
        for (let attempt = 1; attempt <= 2; attempt++) {
          const c = await context(browser, !!shot.phone, locale);
          const page = await c.newPage();
          try {
            if (shot.user) {
              const login = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: shot.user, password } });
              if (!login.ok()) throw new Error(`login ${shot.user}: ${login.status()}`);
              await page.request.put(`${base}/api/v1/auth/me/locale`, { data: { locale } });
            }
            await page.goto(base + shot.path);
            await settle(page);
            await shot.prepare?.(page, ctx);
            await settle(page);
            const file = join(OUT, `${shot.name}.${locale}.png`);
            await page.screenshot({ path: file });
            count++;
            console.log(`✓ ${file.replace(ROOT + '/', '')}`);
            attempt = 3;
          } catch (e) {
            console.error(`✗ ${shot.name}.${locale} (attempt ${attempt}): ${(e as Error).message.split('\n')[0]}`);
          } finally {
            if (shot.user) await page.request.put(`${base}/api/v1/auth/me/locale`, { data: { locale: 'zh' } }).catch(() => undefined);
            await c.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    child?.kill('SIGTERM');
  }
  writeIndex();
  console.log(`${count} screenshots in ${OUT.replace(ROOT + '/', '')}`);
}

/** docs/screenshots/README.md: every screen side by side in both languages. */
function writeIndex() {
  const rows = SHOTS.filter((s) => existsSync(join(OUT, `${s.name}.zh.png`)) || existsSync(join(OUT, `${s.name}.en.png`))).map((s) => {
    const cell = (l: Locale) => (existsSync(join(OUT, `${s.name}.${l}.png`)) ? `<img src="${s.name}.${l}.png" width="${s.phone ? 195 : 360}">` : '—');
    return `| \`${s.path}\` ${s.name}${s.user ? ` (${s.user})` : ''} | ${cell('zh')} | ${cell('en')} |`;
  });
  const text = [
    '# Screenshots',
    '',
    'Made by `npm run screenshots` (scripts/screenshots.ts) from the demo; phone screens at 390×844.',
    '',
    '| screen | 中文 | English |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(OUT, 'README.md'), text);
}

await main();
