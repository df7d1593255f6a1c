/**
 * Opening the report's first page in headless Chromium (/usr/bin/chromium): from navigation to the
 * first rows of the connections table shown. The report is built first when the report-build case has
 * not left one; only the opening is measured (peak memory includes the build when it ran here).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runTak } from '../cli';
import type { BenchCase } from '../types';
import { reportFolder } from './report-build';

const reportOpen: BenchCase = {
  name: 'report (open first page)',
  async run(repo) {
    const out = reportFolder(repo);
    if (!existsSync(path.join(out, 'index.html'))) await runTak(['report', '-C', repo, '--out', out, '--force']);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const env = existsSync(path.join(out, 'prod')) ? 'prod' : 'test';
      const start = process.hrtime.bigint();
      await page.goto(pathToFileURL(path.join(out, env, 'index.html')).href);
      await page.locator('#rows tr').first().waitFor();
      return { seconds: Number(process.hrtime.bigint() - start) / 1e9 };
    } finally {
      await browser.close();
    }
  },
};

export default reportOpen;
