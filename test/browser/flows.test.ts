// Real users in a real browser (Debian's chromium via playwright-core) against the real server on
// a fresh database: a citizen submits with a photo on a phone and tracks it; an agent takes a
// repeat caller; a dispatcher routes a returned ticket; a handler signs and replies; the citizen
// rates unsatisfied and the ticket reopens.
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, startTestServer, type TestServer } from './server.ts';
import { PHOTO_PNG, analyzeWithUrgency, overflowing, pickOption, selectedText, signIn } from './helpers.ts';
import { apiAs, login, type Api } from '../../src/test/api.ts';
import { tmpdir } from 'node:os';

if (!HAS_CHROMIUM) console.warn(`[browser tests] skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!HAS_CHROMIUM)('web app in a browser', () => {
  let srv: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let agent: Api, zhujian: Api, anon: Api;
  const citizenPhone = '13905931234';
  let citizenTicket = { number: '', id: '' };

  async function newPage(opts: { phone?: boolean } = {}): Promise<Page> {
    const ctx = await browser.newContext(
      opts.phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' }
        : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' },
    );
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    if (process.env.LX_BROWSER_DEBUG) {
      page.on('request', (r) => r.url().includes('/api/') && console.log('>>', r.method(), r.url().replace(srv.url, '')));
      page.on('response', (r) => r.url().includes('/api/') && console.log('<<', r.status(), r.url().replace(srv.url, '')));
    }
    onTestFailed(async ({ task }) => {
      const file = `${tmpdir()}/lx-browser-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[browser tests] screenshot of the failure: ${file}`);
    });
    return page;
  }

  beforeAll(async () => {
    srv = await startTestServer();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    anon = apiAs(srv.app);
    agent = await login(srv.app, 'agent', srv.fixture.password);
    zhujian = await login(srv.app, 'zhujian', srv.fixture.password);
  }, 300_000); // may build the web app first

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await srv?.close();
  });

  it('a citizen submits with a photo on a phone (390×844) and tracks it', async () => {
    const page = await newPage({ phone: true });
    await page.goto(srv.url + '/');
    // a report online is no emergency call: the form says so before anything is typed
    await page.getByTestId('submit-emergency').getByText('110').waitFor();
    // every label names its field (screen readers, a click on the label)
    expect(await page.evaluate(() => [...document.querySelectorAll('label[for]')].map((l) => l.getAttribute('for')!).filter((f) => !document.getElementById(f)))).toEqual([]);
    await page.locator('#submit-content').fill('城北社区路口的路灯坏了一个多星期，晚上很黑，老人出门不安全，请尽快修复。');
    await pickOption(page, 'submit-division-4', '双城镇');
    await pickOption(page, 'submit-division-5', '城北社区');
    await page.locator('input[type=file]').setInputFiles({ name: 'streetlight.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item-error').first().waitFor();
    expect(await page.locator('.ant-upload-list-item-error').count(), 'photo upload failed').toBe(0);
    await page.locator('#submit-phone').fill(citizenPhone);
    await page.locator('#submit-name').fill('李女士');
    // Thumb-friendly: the submit button is full width and tall enough on a phone.
    const box = await page.getByTestId('submit-ticket').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.getByTestId('submit-ticket').click();
    const number = (await page.getByTestId('ticket-number').textContent())!.trim();
    expect(number).toMatch(/^LX\d{14}$/);
    expect(await page.getByTestId('done-call-now').count()).toBe(0); // a street light is no emergency

    const stored = await agent.get(`/api/v1/tickets?q=${number}`);
    expect(stored.body.items).toHaveLength(1);
    citizenTicket = { number, id: stored.body.items[0].id };
    const detail = await agent.get(`/api/v1/tickets/${citizenTicket.id}`);
    expect(detail.body.divisionCode).toBe(srv.fixture.divisions.village1);
    expect(detail.body.channel).toBe('h5');
    expect(detail.body.attachments).toHaveLength(1);

    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-result').textContent()).toContain(number);
    expect(await page.getByTestId('track-event').first().textContent()).toContain('受理');
    // The page fits the phone: no horizontal scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Tracking with the wrong digits shows nothing but a message in words.
    await page.locator('#track-last4').fill('0000');
    await page.getByTestId('track-submit').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('未找到该工单');

    // a gas leak reported online: the done page says to call 119 now, with what to do first
    await page.goto(srv.url + '/');
    await page.locator('#submit-content').fill('我家厨房燃气泄漏了，味道很大');
    await page.locator('#submit-phone').fill(citizenPhone);
    await page.getByTestId('submit-ticket').click();
    const call = page.getByTestId('done-call-now');
    await call.waitFor();
    expect(await call.textContent()).toContain('119');
    expect(await call.locator('a[href="tel:119"]').count()).toBe(1);
  });

  it('an agent takes a repeat caller: past tickets appear, a new ticket is created and its number shown', async () => {
    await ensureCitizenTicket();
    const page = await newPage();
    const analyzed: Record<string, unknown>[] = [];
    await analyzeWithUrgency(page, '燃气', analyzed);
    await signIn(page, srv.url, 'agent', srv.fixture.password, '/console');
    await page.locator('#console-phone').fill(citizenPhone);
    await page.getByTestId('repeat-caller').waitFor();
    expect(await page.getByTestId('history-item').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('caller-history').textContent()).toContain(citizenTicket.number);
    // an urgency the suggestion set (not the agent) follows the text: back to 一般 once the cue is gone
    await page.locator('#console-content').fill('楼道里燃气味道很大，好像漏气了');
    await expect.poll(() => selectedText(page, 'console-urgency')).toBe('紧急');
    await page.locator('#console-content').fill('小区物业不作为，电梯坏了半个月没人修，业主多次反映无果。');
    await expect.poll(() => selectedText(page, 'console-urgency')).toBe('一般');
    // the address field goes with the analyze call (the place is read from it)
    await page.locator('#console-address').fill('双城镇城北社区幸福路8号');
    await expect.poll(() => analyzed.some((b) => b.address === '双城镇城北社区幸福路8号')).toBe(true);
    await pickOption(page, 'console-category', '物业服务', '物业服务');
    await pickOption(page, 'console-division-4', '双城镇');
    await page.locator('#console-content').focus();
    await page.keyboard.press('Control+Enter');
    const shown = (await page.getByTestId('console-number').textContent())!.replace(/\s/g, '');
    expect(shown).toMatch(/^LX\d{14}$/);
    const list = await agent.get(`/api/v1/tickets?q=${shown}`);
    expect(list.body.items[0]).toMatchObject({ channel: 'hotline', status: 'dispatched', leadUnitId: srv.fixture.units.zhujian, categoryCode: srv.fixture.categories.propertyService });
    // Next call clears the screen.
    await page.keyboard.press('Alt+N');
    await page.locator('#console-phone').waitFor();
    expect(await page.locator('#console-phone').inputValue()).toBe('');
  });

  it('an agent answers a consultation directly with Alt+D and the ticket is closed', async () => {
    const page = await newPage();
    await signIn(page, srv.url, 'agent', srv.fixture.password, '/console');
    await page.locator('#console-phone').fill('13905939999');
    await page.locator('#console-content').fill('请问办理居住证需要带哪些材料？');
    await page.keyboard.press('Alt+D');
    await page.locator('.ant-modal textarea').fill('携带身份证、租房合同或房产证明、近期照片，到社区服务中心办理。');
    await page.keyboard.press('Control+Enter');
    const shown = (await page.getByTestId('console-number').textContent())!.replace(/\s/g, '');
    const list = await agent.get(`/api/v1/tickets?q=${shown}`);
    expect(list.body.items[0]).toMatchObject({ status: 'closed', channel: 'hotline' });
    const d = await agent.get(`/api/v1/tickets/${list.body.items[0].id}`);
    expect(d.body.replyText).toContain('身份证');
  });

  it('Alt+T on a fire call opens the transfer with 119 chosen, as the analysis says', async () => {
    const page = await newPage();
    await signIn(page, srv.url, 'agent', srv.fixture.password, '/console');
    await page.locator('#console-phone').fill('13905938888');
    await page.locator('#console-content').fill('城北社区三楼厨房着火了，烟很大，快来人');
    expect(await page.evaluate(() => [...document.querySelectorAll('label[for]')].map((l) => l.getAttribute('for')!).filter((f) => !document.getElementById(f)))).toEqual([]);
    await page.getByTestId('suggest-transfer').waitFor(); // the analysis has answered
    expect(await page.getByTestId('suggest-transfer').textContent()).toContain('119');
    await page.keyboard.press('Alt+T');
    const checked = page.locator('.ant-modal .ant-radio-button-wrapper-checked');
    await checked.waitFor();
    expect(await checked.textContent()).toContain('119');
    await page.keyboard.press('Escape');
  });

  /** Later steps follow the citizen's ticket; if the first step failed, file one over the API. */
  async function ensureCitizenTicket() {
    if (citizenTicket.id) return;
    const res = await anon.post('/api/v1/tickets', {
      content: '城北社区路口的路灯坏了一个多星期，晚上很黑，老人出门不安全，请尽快修复。', divisionCode: srv.fixture.divisions.village1,
      channel: 'h5', contact: { phone: citizenPhone, name: '李女士' },
    });
    citizenTicket = { number: res.body.number, id: res.body.id };
  }

  it('a dispatcher routes a returned ticket to another unit', async () => {
    await ensureCitizenTicket();
    // The citizen's ticket goes to 住建局, which returns it.
    const dispatcher = await login(srv.app, 'dispatcher', srv.fixture.password);
    expect((await dispatcher.post(`/api/v1/tickets/${citizenTicket.id}/transitions`, { action: 'dispatch', leadUnitId: srv.fixture.units.zhujian })).status).toBe(200);
    const ret = await zhujian.post(`/api/v1/tickets/${citizenTicket.id}/transitions`, { action: 'return', reason: '路灯属城管局职责，非本单位事项' });
    expect(ret.body.status).toBe('returned');

    const page = await newPage();
    await signIn(page, srv.url, 'dispatcher', srv.fixture.password, '/dispatch');
    const row = page.locator('tr.ant-table-row', { hasText: citizenTicket.number });
    await row.waitFor();
    expect(await row.textContent()).toContain('退单');
    // up to 3 suggested units per row, each with its confidence, none spilling out of its column
    await page.getByTestId('suggest-cell').first().waitFor();
    for (const cell of await page.getByTestId('suggest-cell').all()) expect(await cell.getByTestId('quick-dispatch').count()).toBeLessThanOrEqual(3);
    for (const c of await page.getByTestId('quick-dispatch-confidence').allTextContents()) expect(c).toMatch(/^\d+%$|兜底|属地/);
    expect(await overflowing(page, '[data-testid=quick-dispatch]')).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await row.getByTestId('open-ticket').click();
    // the timeline says where each dispatch went
    await expect.poll(async () => (await page.getByTestId('event-detail').allTextContents()).join('|')).toContain('派至');
    await page.locator('[data-action="redispatch"]').click();
    await pickOption(page, 'act-redispatch_leadUnitId', '城市管理局', '城市管理');
    await page.locator('#action-submit').click();
    await row.waitFor({ state: 'detached' });
    const after = await dispatcher.get(`/api/v1/tickets/${citizenTicket.id}`);
    expect(after.body.status).toBe('dispatched');
    expect(after.body.leadUnitId).toBe(srv.fixture.units.chengguan);
  });

  it('a handler signs and replies from the workbench; only allowed actions are offered', async () => {
    const page = await newPage();
    // replies to similar closed tickets, stood in for (the fixture closes none): one the handler may
    // open (this very ticket, so a link), one not (plain number)
    const hint = { ticketId: citizenTicket.id, number: citizenTicket.number, title: '路灯不亮', replyText: '已更换路灯灯头，恢复照明。', resolved: true, satisfaction: 'satisfied', closedAt: new Date().toISOString(), similarity: 0.83, canOpen: true };
    const other = { ...hint, ticketId: '00000000-0000-4000-8000-000000000000', number: 'LX20200101000001', resolved: false, satisfaction: 'unsatisfied', similarity: 0.61, canOpen: false };
    await page.route('**/api/v1/nlp/reply-suggestions**', (r) => r.fulfill({ json: { items: [hint, other] } }));
    await signIn(page, srv.url, 'chengguan', srv.fixture.password, '/workbench');
    await page.getByText(citizenTicket.number).click();
    await page.getByTestId('detail-number').first().waitFor();
    const offered = await page.locator('[data-testid=ticket-actions] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(offered).toContain('sign');
    expect(offered).not.toContain('reply'); // not before signing
    await page.locator('[data-action="sign"]').click();
    await page.locator('[data-action="reply"]').waitFor();
    // each similar reply with its ticket number, outcome and similarity; one starts the reply form
    const hints = page.locator('[data-testid=reply-hint]:visible');
    await expect.poll(() => hints.count()).toBe(2);
    await expect.poll(() => page.locator('a[data-testid=reply-hint-number]').count()).toBe(1);
    expect(await hints.first().textContent()).toMatch(/已解决.*满意.*83%/);
    expect(await hints.nth(1).textContent()).toMatch(/LX20200101000001.*未解决.*不满意.*61%/);
    await hints.first().getByTestId('reply-hint-use').click();
    await expect.poll(() => page.locator('.ant-modal textarea').inputValue()).toBe(hint.replyText);
    const draft = '已安排维修人员更换路灯灯头，现已恢复照明。感谢您的反映。';
    await page.locator('.ant-modal textarea').fill(draft);
    // another suggestion over a typed draft asks first; cancelling keeps the draft
    await page.locator('.ant-modal [data-testid=reply-hint-use]').first().click();
    await page.locator('.ant-modal-confirm').waitFor();
    await page.locator('.ant-modal-confirm-btns .ant-btn:not(.ant-btn-primary)').click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    expect(await page.locator('.ant-modal textarea').inputValue()).toBe(draft);
    await page.locator('#action-submit').click();
    await page.locator('[data-action="reply"]').waitFor({ state: 'detached' });
    const timeline = await page.locator('[data-testid=event]').allTextContents();
    expect(timeline.join('\n')).toContain('答复');
    expect(timeline.some((e) => e.includes('内部'))).toBe(true); // the return was internal
    const d = await agent.get(`/api/v1/tickets/${citizenTicket.id}`);
    expect(d.body.status).toBe('replied');
  });

  it('the replied ticket waits in the agent console for its callback and opens with the callback action', async () => {
    const page = await newPage();
    await signIn(page, srv.url, 'agent', srv.fixture.password, '/console');
    const queue = page.getByTestId('queue-callback');
    await queue.getByText(citizenTicket.number).waitFor();
    await queue.locator('.ant-table-row', { hasText: citizenTicket.number }).locator('td').nth(2).click();
    await page.locator('.ant-drawer-title', { hasText: citizenTicket.number }).waitFor();
    const offered = await page.locator('.ant-drawer [data-testid=ticket-actions] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(offered).toContain('callback');
  });

  it('the citizen rates unsatisfied on the phone and the ticket reopens', async () => {
    const page = await newPage({ phone: true });
    await page.goto(`${srv.url}/track`);
    await page.locator('#track-number').fill(citizenTicket.number);
    await page.locator('#track-last4').fill(citizenPhone.slice(-4));
    await page.getByTestId('track-submit').click();
    await page.getByTestId('rate-form').waitFor();
    expect(await page.getByTestId('track-result').textContent()).toContain('已安排维修人员');
    await page.getByText('未解决', { exact: true }).click();
    await page.getByText('不满意', { exact: true }).click();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('rate-thanks').waitFor();
    // The timeline shows the reopen at once.
    expect(await page.getByTestId('track-result').textContent()).toContain('重办');
    const tr = await anon.get(`/api/v1/track/${citizenTicket.number}?phone=${citizenPhone.slice(-4)}`);
    expect(tr.body.events.map((e: { action: string }) => e.action)).toContain('reopen');
    const d = await agent.get(`/api/v1/tickets/${citizenTicket.id}`);
    expect(d.body.reopenCount).toBe(1);
    expect(['dispatched', 'received']).toContain(d.body.status);
  });

  it('the English switch is remembered per user across browsers', async () => {
    const held = await agent.post('/api/v1/tickets', {
      content: '物业保洁一周才来一次，楼道很脏。', categoryCode: srv.fixture.categories.propertyService, hold: true, contact: { phone: '13905937777' },
    });
    expect(held.status).toBe(201);
    const page = await newPage();
    await signIn(page, srv.url, 'dispatcher', srv.fixture.password, '/dispatch');
    await page.getByText('派单台', { exact: true }).first().waitFor();
    await page.getByTestId('locale-switch').click();
    await page.getByText('Dispatch queue', { exact: true }).waitFor();
    // categories by their English names (the tree has them), not the Chinese the ticket carries
    const row = page.locator('tr.ant-table-row', { hasText: held.body.number });
    await expect.poll(async () => row.textContent()).toContain('Property services');
    // … the suggestion's category hint too
    await expect.poll(async () => row.getByTestId('suggest-category').textContent()).toContain('Property services');
    // the longer English texts do not widen the page past the window (the search box stays in view)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    // A fresh browser (no local storage) signing in as the same user gets English.
    const other = await newPage();
    await signIn(other, srv.url, 'dispatcher', srv.fixture.password, '/dispatch');
    await other.getByText('Dispatch queue', { exact: true }).waitFor();
    expect(await other.locator('html').getAttribute('lang')).toBe('en');
    await other.getByTestId('locale-switch').click();
    await other.getByText('派单台', { exact: true }).first().waitFor();
  });
  it('an overdue reminder reaches the unit: the bell counts it, opens the ticket and marks it read', async () => {
    const created = await agent.post('/api/v1/tickets', {
      content: '小区电梯又坏了，物业一直拖着不修，老人上下楼很困难。', categoryCode: srv.fixture.categories.propertyService,
      divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905939999' },
    });
    expect(created.status).toBe(201);
    const t = (await agent.get(`/api/v1/tickets/${created.body.id}`)).body;
    expect(t).toMatchObject({ status: 'dispatched', leadUnitId: srv.fixture.units.zhujian });
    // a month later nobody has signed for it: the sweep tells the unit
    const { runSlaSweep } = await import('../../src/sla/sweep.ts');
    await runSlaSweep(srv.db.deps, { now: new Date(Date.now() + 30 * 86_400_000) });
    const unread = (await zhujian.get('/api/v1/notifications?unread=true')).body;
    const mine = unread.items.filter((n: { ticketId: string }) => n.ticketId === t.id);
    expect(mine.map((n: { kind: string }) => n.kind)).toContain('overdue_sign');

    const page = await newPage();
    await signIn(page, srv.url, 'zhujian', srv.fixture.password, '/workbench');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toContain(`${unread.total} 条未读`);
    await bell.click();
    const item = page.getByTestId('notifications').locator('.ant-list-item', { hasText: `${t.number} 已超过签收时限` });
    await item.click();
    await page.locator('.ant-drawer-title', { hasText: t.number }).waitFor();
    await expect.poll(async () => (await zhujian.get('/api/v1/notifications?unread=true')).body.total).toBe(unread.total - 1);
  });
  it('a language chosen on the sign-in page is kept after signing in and saved to the account', async () => {
    const page = await newPage();
    await page.goto(`${srv.url}/login?next=/workbench`);
    await page.getByTestId('locale-switch').click();
    await page.locator('#login-username').fill('chengguan');
    await page.locator('#login-password').fill(srv.fixture.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/workbench'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const chengguan = await login(srv.app, 'chengguan', srv.fixture.password);
    await expect.poll(async () => (await chengguan.get('/api/v1/auth/me')).body.locale).toBe('en');
  });
  it('a dispatcher sees two reports of one matter and merges one into the other in one click (并案)', async () => {
    const text = '双城镇城北社区菜市场门口的下水道井盖被压碎了，一个多星期没人管，晚上路过很危险，请尽快更换。';
    const first = await apiAs(srv.app).post('/api/v1/tickets', { content: text, divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905930001' }, channel: 'web' });
    const second = await apiAs(srv.app).post('/api/v1/tickets', { content: `${text}谢谢`, divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905930002' }, channel: 'h5' });
    expect([first.status, second.status]).toEqual([201, 201]);
    const page = await newPage();
    await signIn(page, srv.url, 'dispatcher', srv.fixture.password, '/dispatch');
    const row = page.locator('tr.ant-table-row', { hasText: second.body.number });
    // the queue marks the pair; the drawer offers the merge
    await row.getByTestId('suggest-duplicate').waitFor();
    await row.getByTestId('open-ticket').click();
    const dups = page.getByTestId('drawer-duplicates');
    await dups.getByText(first.body.number).waitFor();
    await dups.getByTestId('merge-into').first().click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await row.waitFor({ state: 'detached' });
    const dispatcher = await login(srv.app, 'dispatcher', srv.fixture.password);
    const merged = await dispatcher.get(`/api/v1/tickets/${second.body.id}`);
    expect(merged.body).toMatchObject({ status: 'merged', masterId: first.body.id });
    // opened from the older ticket, the newer one is merged into it (the first reporter's stays the master)
    const third = await apiAs(srv.app).post('/api/v1/tickets', { content: `${text}麻烦了`, divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905930003' }, channel: 'web' });
    await page.reload();
    const older = page.locator('tr.ant-table-row', { hasText: first.body.number });
    await older.getByTestId('suggest-duplicate').waitFor();
    await older.getByTestId('open-ticket').click();
    await page.getByTestId('drawer-duplicates').getByText(third.body.number).waitFor();
    expect(await page.getByTestId('drawer-duplicates').getByTestId('merge-into').count()).toBe(0);
    await page.getByTestId('drawer-duplicates').getByTestId('merge-here').first().click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(async () => (await dispatcher.get(`/api/v1/tickets/${third.body.id}`)).body).toMatchObject({ status: 'merged', masterId: first.body.id });
    // the dispatch form starts from the first suggestion (the queue's ★)
    await page.locator('[data-action="dispatch"]').click();
    await expect.poll(async () => page.locator('.ant-select:has(#act-dispatch_leadUnitId) .ant-select-selection-item').count()).toBe(1);
    expect((await dispatcher.get(`/api/v1/tickets/${first.body.id}`)).body.status).toBe('received');
  });

  it('a citizen with an account finds their own requests under 我的诉求, with progress and no internal notes', async () => {
    const { hashPassword } = await import('../../src/auth/passwords.ts');
    await srv.db.deps.db.insertInto('users').values({ username: 'resident2', display_name: '居民李', role: 'citizen', password_hash: await hashPassword(srv.fixture.password) }).execute();
    const resident = await login(srv.app, 'resident2', srv.fixture.password);
    const mine = await resident.post('/api/v1/tickets', { content: '我家楼下的垃圾桶坏了好几天，垃圾满地', divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905937766' } });
    expect(mine.status).toBe(201);
    const supervisor = await login(srv.app, 'supervisor', srv.fixture.password);
    await supervisor.post(`/api/v1/tickets/${mine.body.id}/transitions`, { action: 'note', note: '内部：此人常来电' });
    const page = await newPage({ phone: true });
    await signIn(page, srv.url, 'resident2', srv.fixture.password, '/mine');
    await page.getByTestId('mine-item').first().click();
    await page.getByTestId('mine-detail').waitFor();
    expect(await page.getByTestId('mine').textContent()).toContain(mine.body.number);
    expect(await page.getByTestId('mine').textContent()).not.toContain('此人常来电');
    // who is signed in, and a way out
    expect(await page.getByTestId('citizen-name').textContent()).toBe('居民李');
    await page.getByTestId('citizen-logout').click();
    await page.getByTestId('citizen-name').waitFor({ state: 'detached' });
  });

  it('a dispatcher finds a ticket outside the queue (auto-dispatched) by its number and opens it', async () => {
    const created = await agent.post('/api/v1/tickets', {
      content: '小区物业把消防通道租给别人停车，物业服务太差。', categoryCode: srv.fixture.categories.propertyService,
      divisionCode: srv.fixture.divisions.village1, contact: { phone: '13905938888' },
    });
    const number = created.body.number as string;
    const page = await newPage();
    await signIn(page, srv.url, 'dispatcher', srv.fixture.password, '/dispatch');
    await page.getByTestId('dispatch-find').locator('input').fill(number);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: number }).first().click();
    await page.locator('.ant-drawer-title', { hasText: number }).waitFor();
  });
});
