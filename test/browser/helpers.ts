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
  await input.click();
  if (search) await input.fill(search);
  const option = page.locator('.ant-select-dropdown:visible').locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: text }).first();
  const picked = page.locator(`.ant-select:has(#${inputId}) .ant-select-selection-item`, { hasText: text }).first();
  // A click that lands while the dropdown is still animating open can be lost (seen once in CI on
  // a phone viewport): confirm the pick shows in the select, and click again if it does not.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option.isVisible())) await input.click();
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
