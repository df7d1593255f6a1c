import { parseYaml } from './yaml';

describe('YAML syntax errors', () => {
  it('are one finding per problem, saying what to check', () => {
    const unclosed = parseYaml('c.yaml', 'routing: [\n  - producer: X\nauthorizations: ]\n');
    expect(unclosed.diagnostics).toHaveLength(1);
    expect(unclosed.diagnostics[0].message).toMatch(/^YAML: Block collections are not allowed within flow collections; check quoting and brackets.*fix it and run again$/);
    const indented = parseYaml('c.yaml', 'a:\n  b: 1\n c: 2\n');
    expect(indented.diagnostics).toEqual([{ message: expect.stringContaining('; check the indentation: spaces only'), location: { file: 'c.yaml', line: 3, col: 1 } }]);
    expect(parseYaml('c.yaml', 'a: "x\nb: 2\n').diagnostics[0].message).toContain('close every quote');
  });
});
