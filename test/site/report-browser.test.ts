/**
 * The report of the example data in headless Chromium (Debian's /usr/bin/chromium, which .ci/run
 * installs): search a consumer, follow a producer link to its page, and check what is shown. The
 * screenshots are kept under test-artifacts/report/ (ignored by git) for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'report');
let out: string;
let browser: Browser;

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'tak-report-')), 'site');
  const built = await runCli(['report', '-C', ROOT, '--out', out, '--now', '2026-12-02']);
  expect(built.code).toBe(0);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(path.dirname(out), { recursive: true, force: true });
});

describe('the report in a browser', () => {
  it('finds a consumer\'s connections by search and leads to the producer\'s page with its owners and contacts', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(out, 'qa', 'index.html')).href);
    await page.locator('#rows tr').first().waitFor();
    await page.fill('#search', 'Nationellt Engagemangsindex');
    // Runs in the page: every row shown is the engagement index's.
    await page.waitForFunction("[...document.querySelectorAll('#rows tr')].every((tr) => tr.textContent.includes('SE5565594230-B0D'))");
    const rows = await page.locator('#rows tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('ProcessNotification:1');
    expect(rows[0]).toContain('https://journal.qa.region-exempel.example.se/ei/ProcessNotification/1/rivtabp21');
    expect(rows[0]).toContain('routed and authorized');
    await page.screenshot({ path: path.join(ARTIFACTS, 'connections-search.png'), fullPage: true });

    await page.locator('#rows tr').first().locator('td').nth(3).locator('a').click();
    await page.waitForURL(/systems\/SE2321000016-A1B2\.html$/);
    expect(await page.textContent('#system-name')).toBe('Region Exempel Journalsystem');
    expect(await page.textContent('#system-owners')).toBe('@region-exempel/integration');
    expect(await page.textContent('#system-contacts')).toContain('integration@region-exempel.example.se');
    expect(await page.locator('h2', { hasText: 'Produces' }).count()).toBe(1);
    expect(await page.locator('table').first().textContent()).toMatch(/ProcessNotification:1\s*Nationellt Engagemangsindex\s*SE5565594230-B0D\s*1/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'producer-page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('draws the graph of who calls whom with the bundled library, from the file system', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(out, 'qa', 'graph.html')).href);
    await page.locator('#graph canvas').first().waitFor();
    expect(await page.evaluate('window.TAK.graphData.nodes.length')).toBe(4);
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph.png') });
    expect(errors).toEqual([]);
  });
});
