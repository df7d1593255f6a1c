import { checkRepository } from '../src/check/engine';
import { readWorkingTree } from '../src/pipeline';
import { pack } from './pack';
import { NOW, check, compliant, connectionYaml, lines } from '../test/helpers/repo';
import { makeRepo, removeRepo } from '../test/helpers/minimal-repo';

const withSuppression = (entry: string) => ({
  'environments/qa/connections/forms.yaml': connectionYaml('qa', { contracts: ['GetForms:2', 'GetForm:2'], tail: ['suppressions:', `  - ${entry}`] }),
});

describe('suppression-unused', () => {
  it('says nothing about a suppression that accepted a finding', async () => {
    const { findings } = await check(withSuppression('{ rule: promotion, reason: Hotfix, ticket: INC-1, expires: 2026-12-31 }'));
    expect(lines(findings, 'suppression-unused')).toEqual([]);
  });

  it('warns about a suppression that matches nothing, and one that names no rule', async () => {
    const unused = await check(withSuppression('{ rule: wildcard-approval, reason: Kept from an old order, ticket: INC-2, expires: 2026-12-31 }'));
    expect(lines(unused.findings, 'suppression-unused')).toEqual([
      'qa environments/qa/connections/forms.yaml:15 warning suppression of wildcard-approval matches no finding; remove it',
    ]);
    const typo = await check(withSuppression('{ rule: promoton, entity: x, reason: Typo, ticket: INC-3, expires: 2026-12-31 }'));
    expect(lines(typo.findings, 'suppression-unused')).toEqual([
      'qa environments/qa/connections/forms.yaml:15 warning suppression of promoton for x names no rule of the pack (see tak rules); fix the rule id or remove it',
    ]);
  });

  it('judges a shared (config/) suppression only when every environment is checked', async () => {
    const { files } = await compliant();
    const consumer = `${files['config/systems/consumer.yaml']}suppressions:\n  - { rule: certificate-expiring, reason: Renewal ordered, ticket: CHG-12, expires: 2026-12-31 }\n`;
    const root = makeRepo({ ...files, 'config/systems/consumer.yaml': consumer }, true);
    try {
      const repository = await readWorkingTree(root);
      const all = checkRepository([...repository.environments.values()], pack, { now: NOW, repository });
      expect(lines(all.findings, 'suppression-unused')).toEqual([
        'prod config/systems/consumer.yaml:15 warning suppression of certificate-expiring matches no finding; remove it',
      ]);
      const onlyTest = checkRepository([repository.environments.get('test')!], pack, { now: NOW, repository });
      expect(lines(onlyTest.findings, 'suppression-unused')).toEqual([]);
    } finally {
      removeRepo(root);
    }
  });
});
