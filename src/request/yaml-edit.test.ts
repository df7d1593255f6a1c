import { parse } from 'yaml';
import { YamlEdit } from './yaml-edit';

const FILE = [
  '# Region X forms',
  'prestudy: { ref: FS-1, approved: 2026-01-01 }',
  'routing:',
  '  - producer: SE1-P # the form engine',
  '    contracts:',
  '      GetForms:2: https://a.example.se/x',
  '    logicalAddresses: [ SE1-A, SE1-B, SE1-C ]',
  'authorizations:',
  '  - consumer: SE1-K',
  '    contracts: [GetForms:2]',
  '    logicalAddresses:',
  '      - SE1-A',
  '      - SE1-B # second',
  '      - SE1-C',
].join('\n');

describe('editing a declaration file in place', () => {
  it('changes only the edited ranges: comments, padding and order of the rest are kept byte for byte', () => {
    const edit = new YamlEdit(FILE, 'f.yaml');
    edit.setScalar(['routing', 0, 'contracts', 'GetForms:2'], 'https://b.example.se/y');
    edit.removeItems(['routing', 0, 'logicalAddresses'], [1]);
    edit.removeItems(['authorizations', 0, 'logicalAddresses'], [1]);
    edit.appendItems('authorizations', [{ consumer: 'SE1-L', contracts: ['GetForms:2'], logicalAddresses: ['01'] }]);
    expect(edit.result()).toBe(
      FILE.replace('https://a.example.se/x', 'https://b.example.se/y')
        .replace('[ SE1-A, SE1-B, SE1-C ]', '[ SE1-A, SE1-C ]')
        .replace('      - SE1-B # second\n', '') +
        '\n  - consumer: SE1-L\n    contracts: [GetForms:2]\n    logicalAddresses: ["01"]\n',
    );
  });

  it('lets the yaml package quote what must be quoted, so every value reads back the same', () => {
    const tricky = ['01', 'yes', 'a: b', ' padded ', '#hash', 'null', 'Vårdcentral Öst'];
    const edit = new YamlEdit('logicalAddresses:\n  - { hsaId: A, description: a }\n', 'c.yaml');
    edit.appendItems('logicalAddresses', tricky.map((description, i) => ({ hsaId: `X${i}`, description })), 'flow');
    edit.setTopLevel('note', 'x: y');
    const back = parse(edit.result());
    expect(back.logicalAddresses.slice(1).map((a: { description: string }) => a.description)).toEqual(tricky);
    expect(back.note).toBe('x: y');
  });

  it('adds a key to a group, and sets a top-level key in place or at the end', () => {
    const edit = new YamlEdit(FILE, 'f.yaml');
    edit.addToItem('routing', 0, 'preExisting', true);
    edit.setTopLevel('prestudy', { ref: 'FS-2', approved: '2026-02-01' });
    edit.setTopLevel('description', 'Forms');
    const back = parse(edit.result());
    expect(back.routing[0].preExisting).toBe(true);
    expect(back.prestudy).toEqual({ ref: 'FS-2', approved: '2026-02-01' });
    expect(edit.result().endsWith('      - SE1-C\ndescription: Forms\n')).toBe(true);
    expect(edit.result().startsWith('# Region X forms\nprestudy:\n  ref: FS-2\n')).toBe(true);
  });
});
