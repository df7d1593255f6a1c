import { FORMS, gate } from '../test/helpers/gate';
import { baseFiles, CONSUMER, PRODUCER } from '../test/helpers/minimal-repo';
import prestudyNewConnection from './prestudy-new-connection';

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
