/** `tak report` writes its folder atomically, replaces only an earlier report, and pages its rows. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'tak-report-write-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const report = (out: string, ...extra: string[]) => runCli(['report', '-C', ROOT, '--out', out, '--now', '2026-12-02', ...extra]);

describe('tak report output', () => {
  it('refuses an existing report without --force, replaces it with --force, and never replaces a folder it did not write', async () => {
    const out = path.join(dir, 'site');
    expect((await report(out, '--env', 'qa')).code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['assets', 'index.html', 'qa']);
    const again = await report(out, '--env', 'qa');
    expect(again).toMatchObject({ code: 2, stderr: `tak: ${out} exists; pass --force to replace it\n` });
    expect((await report(out, '--force')).code).toBe(0);
    expect(existsSync(path.join(out, 'prod', 'index.html'))).toBe(true);
    const mine = path.join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'notes.txt'), 'keep');
    const refused = await report(mine, '--force');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is a folder that tak did not write/);
    expect(readFileSync(path.join(mine, 'notes.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the rows as script shards grouped by consumer, and the index names them', async () => {
    const out = path.join(dir, 'site');
    await report(out, '--env', 'qa');
    const index = readFileSync(path.join(out, 'qa', 'data', 'index.js'), 'utf8');
    const data = JSON.parse(index.replace(/^TAK\.index\(/, '').replace(/\);\n$/, ''));
    expect(data.rowCount).toBe(9);
    expect(data.shards).toEqual([['SE2321000016-A1B2', 8], ['SE5565594230-B0D', 1]]);
    expect(readFileSync(path.join(out, 'qa', 'data', 'rows-1.js'), 'utf8')).toBe(
      'TAK.shard(1,[["SE5565594230-B0D","ProcessNotification:1","SE2321000016-A1B2","SE2321000016-A1B2","https://journal.qa.region-exempel.example.se/ei/ProcessNotification/1/rivtabp21","RIVTABP21","","","ok"]]);\n',
    );
    expect(readFileSync(path.join(out, 'qa', 'certificates.html'), 'utf8')).toMatch(/config\/systems\/certs\/region-exempel-journal-qa\.pem<\/td><td><span class="status-ok">expires 2031-01-01/);
    expect(readFileSync(path.join(out, 'qa', 'changes.html'), 'utf8')).toContain('No applied commits are recorded for qa');
  });
});
