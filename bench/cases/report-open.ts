/**
 * Opening the report's first page in headless Chromium (/usr/bin/chromium): from navigation to the
 * first rows of the connections table shown, printed on stderr by this script (the row of the case is
 * the whole script, browser start included). The report is the one report-build left.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BenchCase } from '../types';
import { reportFolder } from './report-build';

/** Measures the opening and prints it on stderr (run as a script by the bench). */
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

const reportOpen: BenchCase = {
  name: 'report (open first page)',
  needs: ['report-build'],
  command: (repo) => ['--import', 'tsx', __filename, repo],
};

export default reportOpen;

if (require.main === module) {
  measure(process.argv[2]).catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
