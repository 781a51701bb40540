// Small playwright helpers for antd widgets and sign-in.
import type { Page } from 'playwright-core';

/** A 2×2 red PNG, a stand-in for a phone photo. */
export const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** Opens the antd Select whose input has this id and picks the option with this text. */
export async function pickOption(page: Page, inputId: string, text: string, search?: string) {
  const input = page.locator(`#${inputId}`);
  // (a value already chosen, e.g. the first suggestion, lies over the input: click the select)
  const select = page.locator(`.ant-select:has(#${inputId})`);
  await select.click();
  if (search) await input.fill(search);
  const option = page.locator('.ant-select-dropdown:visible').locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: text }).first();
  const picked = page.locator(`.ant-select:has(#${inputId}) .ant-select-selection-item`, { hasText: text }).first();
  // A click that lands while the dropdown is still animating open can be lost (seen once in CI on
  // a phone viewport): confirm the pick shows in the select, and click again if it does not.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option.isVisible())) await select.click();
    await option.waitFor({ state: 'visible' });
    await option.click();
    if (await picked.waitFor({ timeout: 3000 }).then(() => true, () => false)) return;
  }
}

export async function signIn(page: Page, base: string, username: string, password: string, path: string) {
  await page.goto(`${base}/login?next=${encodeURIComponent(path)}`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname.startsWith(path));
}

/**
 * Lets the agent console's analyze calls through to the server, recording their bodies, but makes
 * the urgency follow one word (an emergency with it, none without), so a test of how the form
 * follows the suggestion does not depend on the cues the server knows.
 */
export async function analyzeWithUrgency(page: Page, word: string, bodies: Record<string, unknown>[]) {
  await page.route('**/api/v1/nlp/analyze', async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    bodies.push(body);
    const res = await route.fetch();
    const json = await res.json();
    json.urgency = String(body.content).includes(word)
      ? { level: 'emergency', cue: word, transferTo: '119', suggest110: false }
      : { level: 'general', cue: null, transferTo: null, suggest110: false };
    await route.fulfill({ response: res, json });
  });
}

/** How many of these elements overflow (their content wider than they are, or out of their table cell). */
export async function overflowing(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((els) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    const cell = (e.closest('td') ?? e.parentElement!).getBoundingClientRect();
    return e.scrollWidth > e.clientWidth + 1 || r.right > cell.right + 0.5 || r.left < cell.left - 0.5;
  }).length);
}

/** The selected text of the antd Select whose input has this id. */
export const selectedText = async (page: Page, inputId: string) =>
  ((await page.locator(`.ant-select:has(#${inputId}) .ant-select-selection-item`).first().textContent()) ?? '').trim();
