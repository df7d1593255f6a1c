/** The process gates of `tak plan`: each compares the head with the base, compliant and not. */
import type { Rule } from '../src/check/types';
import { readWorkingTree } from '../src/pipeline';
import { baseFiles, CONSUMER, makeRepo, PRODUCER, removeRepo } from '../test/helpers/minimal-repo';
import deactivatedNothingNew from './deactivated-nothing-new';
import prestudyNewConnection from './prestudy-new-connection';
import removedRoutingAuthorized from './removed-routing-authorized';
import removedStillReferenced from './removed-still-referenced';

const now = new Date('2026-11-01T00:00:00Z');
const FORMS = 'environments/test/connections/forms.yaml';

/** Runs `rule` on the head's test environment with the base's as ctx.base; `file:line message` lines. */
async function gate(rule: Rule, base: Record<string, string | null>, head: Record<string, string | null>, env = 'test'): Promise<string[]> {
  const [b, h] = [makeRepo(base), makeRepo(head)];
  try {
    const [baseRepo, headRepo] = [await readWorkingTree(b), await readWorkingTree(h)];
    const state = headRepo.environments.get(env)!;
    expect(rule(state, { now, repository: headRepo })).toEqual([]);
    return rule(state, { now, repository: headRepo, base: baseRepo.environments.get(env) }).map((f) => `${f.location.file}:${f.location.line} ${f.message}`);
  } finally {
    removeRepo(b);
    removeRepo(h);
  }
}

const deactivated = `hsaId: ${CONSUMER}\nname: Journal\norganisation: Region Exempel\ndeactivated: { date: 2026-09-01 }\n`;
const moreUnits = (units: string[]) =>
  `logicalAddresses:\n${[PRODUCER, ...units].map((u) => `  - { hsaId: ${u}, description: Enhet }`).join('\n')}\n`;

describe('deactivated-nothing-new', () => {
  it('lets a deactivated system keep what it had, even when its files move', async () => {
    const head = { 'config/systems/consumer.yaml': deactivated, [FORMS]: null, 'environments/test/moved.yaml': baseFiles[FORMS] };
    expect(await gate(deactivatedNothingNew, {}, head)).toEqual([]);
  });

  it('reports new authorizations for a deactivated consumer, once per group', async () => {
    const head = {
      'config/systems/consumer.yaml': deactivated,
      'config/logical-addresses/units.yaml': moreUnits(['SE2321000016-0001', 'SE2321000016-0002']),
      [FORMS]: baseFiles[FORMS].replace(/logicalAddresses: \[SE5565594230-B9P\]\n$/, 'logicalAddresses: [SE5565594230-B9P, SE2321000016-0001, SE2321000016-0002]\n'),
    };
    expect(await gate(deactivatedNothingNew, {}, head)).toEqual([
      `${FORMS}:10 consumer Journal (${CONSUMER}) was deactivated on 2026-09-01 and gets nothing new, but this adds 2 authorizations the base does not have (the first: urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at SE2321000016-0001)`,
    ]);
  });
});

describe('prestudy-new-connection', () => {
  const qa = (files: Record<string, string | null>) => ({
    'environments/qa/environment.yaml': 'name: qa\nplatform: NTJP-QA\nstage: qa\ninstalledContracts: [GetForms:2, GetForm:2]\n',
    ...files,
  });
  const QA = 'environments/qa/connections/forms.yaml';
  const withPrestudy = (ref: string, approved: string, contract = 'GetForms:2') =>
    `prestudy: { ref: ${ref}, approved: ${approved} }\n${baseFiles[FORMS].replace(/GetForms:2/g, contract)}`;

  it('accepts an unchanged connection, and a new one with an approved pre-study', async () => {
    expect(await gate(prestudyNewConnection, qa({ [QA]: baseFiles[FORMS] }), qa({ [QA]: baseFiles[FORMS] }), 'qa')).toEqual([]);
    expect(await gate(prestudyNewConnection, qa({}), qa({ [QA]: withPrestudy('FS-1', '2026-10-01') }), 'qa')).toEqual([]);
  });

  it('asks new systems for a pre-study approved by now, and new major versions for their own', async () => {
    expect(await gate(prestudyNewConnection, qa({}), qa({ [QA]: baseFiles[FORMS] }), 'qa')).toEqual([
      `${QA}:5 system ${PRODUCER} is new in qa: the connection file has no pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }`,
      `${QA}:9 system ${CONSUMER} is new in qa: the connection file has no pre-study; add prestudy: { ref: <document>, approved: YYYY-MM-DD }`,
    ]);
    expect(await gate(prestudyNewConnection, qa({}), qa({ [QA]: withPrestudy('FS-1', '2026-12-01') }), 'qa')).toHaveLength(2);
    const domain = { 'config/service-domains/forms.yaml': `${baseFiles['config/service-domains/forms.yaml']}  - { name: GetForms, major: 3 }\n` };
    const v3 = qa({ ...domain, 'environments/qa/environment.yaml': 'name: qa\nplatform: NTJP-QA\nstage: qa\ninstalledContracts: [GetForms:3]\n', [QA]: withPrestudy('FS-1', '2026-10-01', 'GetForms:3') });
    expect(await gate(prestudyNewConnection, qa({ ...domain, [QA]: withPrestudy('FS-1', '2026-10-01') }), v3, 'qa')).toEqual([
      `${QA}:6 GetForms:3 is a new major version for ${PRODUCER} in qa: it reuses pre-study FS-1 of the previous major version; a new major version needs its own`,
      `${QA}:10 GetForms:3 is a new major version for ${CONSUMER} in qa: it reuses pre-study FS-1 of the previous major version; a new major version needs its own`,
    ]);
  });

  it('does not apply to test environments', async () => {
    expect(await gate(prestudyNewConnection, { [FORMS]: null }, {})).toEqual([]);
  });
});

describe('removed-routing-authorized', () => {
  it('accepts removing routing together with its authorizations', async () => {
    expect(await gate(removedRoutingAuthorized, {}, { [FORMS]: null })).toEqual([]);
  });

  it('warns when routing goes and authorizations stay, naming the consumers', async () => {
    const head = { [FORMS]: baseFiles[FORMS].replace(/^routing:[\s\S]*?authorizations:/m, 'authorizations:') };
    expect(await gate(removedRoutingAuthorized, {}, head)).toEqual([
      `${FORMS}:4 routing for urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2 at ${PRODUCER} is removed, but ${CONSUMER} is still authorized for it; remove the authorizations too, or keep the routing`,
    ]);
  });
});

describe('removed-still-referenced', () => {
  it('accepts removing a system together with what names it', async () => {
    expect(await gate(removedStillReferenced, {}, { [FORMS]: null, 'config/systems/consumer.yaml': null })).toEqual([]);
  });

  it('reports a removed system or contract that is still named', async () => {
    expect(await gate(removedStillReferenced, {}, { 'config/systems/consumer.yaml': null })).toEqual([
      `${FORMS}:8 system ${CONSUMER} is removed from config/systems/, but this consumer group still names it; remove its routing and authorizations first`,
    ]);
    const uninstalled = { 'environments/test/environment.yaml': 'name: test\nplatform: NTJP-TEST\nstage: test\ninstalledContracts: [GetForm:2]\n' };
    expect(await gate(removedStillReferenced, {}, uninstalled)).toEqual([
      `${FORMS}:5 service contract GetForms:2 is no longer installed in test, but this group still uses it; remove its routing and authorizations first`,
      `${FORMS}:9 service contract GetForms:2 is no longer installed in test, but this group still uses it; remove its routing and authorizations first`,
    ]);
    const dropped = { 'config/service-domains/forms.yaml': 'domain: infrastructure:eservicesupply:forminteraction\ncontracts:\n  - { name: GetForm, major: 2 }\n' };
    expect(await gate(removedStillReferenced, {}, dropped)).toHaveLength(2);
  });
});
