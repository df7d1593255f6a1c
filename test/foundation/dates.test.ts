/**
 * Days that do not exist are refused where they are written (Date.parse would roll 2027-02-30 over
 * into March), a period may not end before it starts, and an empty --now is not "today".
 */
import { runCli } from '../helpers/cli';
import { FORMS } from '../helpers/gate';
import { baseFiles, findingsOf, makeRepo, removeRepo } from '../helpers/minimal-repo';

const withPeriod = (period: string) => ({ [FORMS]: baseFiles[FORMS].replace('    logicalAddresses: [SE5565594230-B9P]\nauthorizations', `    logicalAddresses: [SE5565594230-B9P]\n${period}authorizations`) });

describe('dates', () => {
  it.each(['2027-02-29', '2027-02-30', '2027-02-31', '2026-04-31', '2026-13-01'])('refuses the day %s that does not exist', async (day) => {
    const findings = await findingsOf('schema', withPeriod(`    validFrom: "${day}"\n`));
    expect(findings).toEqual([expect.stringMatching(new RegExp(`^${FORMS}:7 routing\\[0\\]\\.validFrom is not a real calendar date`))]);
  });

  it('accepts 29 February in a leap year', async () => {
    expect(await findingsOf('schema', withPeriod('    validFrom: "2028-02-29"\n'))).toEqual([]);
  });

  it('refuses a period that ends before it starts, at validTo', async () => {
    const findings = await findingsOf('schema', withPeriod('    validFrom: "2027-03-01"\n    validTo: "2027-02-28"\n'));
    expect(findings).toEqual([`${FORMS}:8 routing[0].validTo ends before validFrom; make validTo the same day or later`]);
    expect(await findingsOf('schema', withPeriod('    validFrom: "2027-03-01"\n    validTo: "2027-03-01"\n'))).toEqual([]);
  });

  it('refuses an authorization period that ends before it starts', async () => {
    const files = { [FORMS]: `${baseFiles[FORMS]}    validFrom: "2027-03-01"\n    validTo: "2026-03-01"\n` };
    expect(await findingsOf('schema', files)).toEqual([`${FORMS}:12 authorizations[0].validTo ends before validFrom; make validTo the same day or later`]);
  });

  it('never writes a day that does not exist into an export', async () => {
    const repo = makeRepo(withPeriod('    validTo: "2027-02-30"\n'));
    try {
      const r = await runCli(['export', 'vp-cache', '--env', 'test', '-C', repo, '--now', '2026-06-01']);
      expect(r.stdout).not.toMatch(/2027-03-0[12]|2027-02-30/);
    } finally {
      removeRepo(repo);
    }
  });

  it.each([[''], ['2027-02-29'], ['today']])('exits 2 on --now %j', async (now) => {
    const repo = makeRepo();
    try {
      const r = await runCli(['validate', '-C', repo, '--now', now]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tak: --now ".*" is not a date written YYYY-MM-DD; /);
    } finally {
      removeRepo(repo);
    }
  });
});
