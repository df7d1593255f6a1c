import { check } from '../helpers/repo';

describe('the compliant test repository', () => {
  it('passes every rule of the pack with no finding at all', async () => {
    const result = await check();
    expect(result.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.message}`)).toEqual([]);
  });
});
