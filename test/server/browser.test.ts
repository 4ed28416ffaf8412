/**
 * The newcomer's path in a real browser (Debian's Chromium, headless, JavaScript off to prove the
 * pages need none): sign in to the demo, see the queue, open a change, approve it and watch its
 * requirements turn satisfied, read the audit report with its charts, check the audit log.
 * Screenshots of the main pages go to test-artifacts/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, startTestServer, type RunningTestServer, type TestStore } from './helpers/server-process.js';

const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('web ui in chromium', () => {
  let store: TestStore;
  let server: RunningTestServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = await createTestStore('sqlite', 'browser');
    server = await startTestServer(store, ['--demo']);
    profile = mkdtempSync(join(tmpdir(), 'tollgate-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: false,
      viewport: { width: 1366, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await store?.cleanup();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Screenshot, after checking the page needs nothing the Content-Security-Policy forbids. */
  const shot = async (name: string) => {
    expect(await page.locator('script, [style], [onclick], [onload]').count(), name).toBe(0);
    expect(await page.locator('input:not([type=hidden]), select, textarea').evaluateAll((fields) => fields.filter((f) => !f.id || !document.querySelector(`label[for="${f.id}"]`)).length), `${name}: unlabelled fields`).toBe(0);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  it('signs in with the one-click demo login and shows the queue, riskiest first', async () => {
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Sign in as Dave Okafor' }).click();
    expect(new URL(page.url()).pathname).toBe('/queue');
    await expect.poll(() => page.locator('header .who').textContent()).toContain('dave');
    const mine = page.locator('#queue-mine tbody tr');
    expect(await mine.count()).toBeGreaterThanOrEqual(3);
    // The tier-1 change with a critical finding comes first.
    expect(await mine.first().textContent()).toContain('orders database');
    expect(await page.locator('#queue-mine').textContent()).toContain('pricing: loyalty tier discount');
    await shot('02-queue');
  });

  it('opens a change and approves it; its requirements turn satisfied', async () => {
    await page.getByRole('link', { name: 'pricing: loyalty tier discount for returning customers' }).first().click();
    expect(page.url()).toContain('/changes/');
    expect(await page.locator('#requirements li.unmet').count()).toBeGreaterThan(0);
    expect(await page.locator('#findings').textContent()).toContain('critical-path');
    expect(await page.locator('#history').textContent()).toContain('erin');
    expect(await page.locator('body').textContent()).toContain('AI-authored');
    await shot('03-change-before');
    await page.getByLabel('Comment (optional)').fill('Checked the rounding for 3-item carts.');
    await page.getByRole('button', { name: 'Approve this content' }).click();
    expect(page.url()).toContain('done=approved');
    expect(await page.locator('[role=status]').textContent()).toContain('Your approval of this content is recorded');
    expect(await page.locator('#requirements li.unmet').count()).toBe(0);
    expect(await page.locator('.badge.v-allow').first().textContent()).toBe('allowed');
    expect(await page.locator('#history').textContent()).toContain('Checked the rounding');
    await shot('04-change-approved');
  });

  it('shows the audit report with anomalies first, charts and exports', async () => {
    await page.getByRole('link', { name: 'Audit report' }).click();
    expect(await page.locator('h1').textContent()).toBe('Audit report');
    expect(await page.locator('#anomalies li').first().textContent()).toContain('retro review overdue');
    expect(await page.locator('#chart-weekly svg rect').count()).toBeGreaterThan(5);
    expect(await page.locator('#chart-approval svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#metrics').textContent()).toContain('production deploys');
    await shot('05-audit-report');
    await page.getByLabel('Scope', { exact: true }).selectOption('person:dana');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await page.locator('main > p.muted').first().textContent()).toContain('Dana Brooks (director)');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^tollgate-audit-.*\.csv$/);
  });

  it('shows the audit log with the chain verified and the latest checkpoint', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    expect(await page.locator('#chain-status').textContent()).toContain('Verified');
    expect(await page.locator('#checkpoint').textContent()).toMatch(/Event \d+/);
    expect(await page.locator('#events tbody tr').count()).toBe(50);
    expect(await page.locator('#events').textContent()).toContain('approval.recorded');
    await shot('06-audit-log');
  });

  it('is usable with the keyboard: the first tab stop skips to the content', async () => {
    await page.goto(`${server.url}/queue`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  });

  it('lets an auditor read but not approve', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in as Alex Kim' }).click();
    await page.goto(`${server.url}/changes`);
    await page.locator('#changes tbody tr a').first().click();
    expect(await page.getByRole('button', { name: 'Approve this content' }).count()).toBe(0);
    expect(await page.locator('#decide-h + p').textContent()).toContain('may not approve');
  });
});
