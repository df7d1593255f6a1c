/**
 * Opening the report's first page in headless Chromium (/usr/bin/chromium): from navigation to the
 * first rows of the connections table shown, printed on stderr by this script (the row of the case is
 * the whole script, browser start included). The report is the one report-build left.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { scriptCase } from '../script';
import { reportFolder } from './report-build';

/** Measures the opening and prints it on stderr. */
export async function measure(repo: string): Promise<void> {
  const out = reportFolder(repo);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const env = existsSync(path.join(out, 'prod')) ? 'prod' : 'test';
    const start = process.hrtime.bigint();
    await page.goto(pathToFileURL(path.join(out, env, 'index.html')).href);
    await page.locator('#rows tr').first().waitFor();
    process.stderr.write(`report: ${env}'s first page shows its first rows ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s after opening\n`);
  } finally {
    await browser.close();
  }
}

export default scriptCase(module, 'report (open first page)', measure, { needs: ['report-build'] });
