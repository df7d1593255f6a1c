/**
 * An output folder the kernel refuses to create (/proc/x answers ENOENT although /proc exists)
 * ends the command at once with one line and exit 2; Node's recursive mkdir would retry forever,
 * synchronously, deaf to SIGTERM. Run as real processes: a hang cannot be timed out in-process.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BIN = path.join(__dirname, '../../bin/tak.js');
const REPO = path.join(__dirname, '../..');

describe('an output folder that cannot be created', () => {
  it.each([
    [['synth', '--env', 'test', '--out', '/proc/x']],
    [['export', 'vp-cache', '--env', 'test', '-o', '/proc/x/cache.xml']],
    [['plan', '--base', 'HEAD', '-o', '/proc/x']],
  ])('%j fails fast with one line', (args) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '-C', REPO], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('tak: cannot create /proc/x (ENOENT), so --out /proc/x cannot be written; choose another --out\n');
  }, 70_000);
});
