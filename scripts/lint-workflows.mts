#!/usr/bin/env -S npx tsx
// Checks GitHub Actions workflow files with GitHub's own parser (@actions/workflow-parser): the
// schema of every key, expressions, and the conversion to a workflow template (jobs, needs,
// reusable-workflow calls). Prints `file:line:col message` per error; exit 1 when any, 2 on a bad call.
//   npx tsx scripts/lint-workflows.mts [FILE...]   (default: every .github/workflows/*.yml)
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const folder = path.join(root, '.github', 'workflows');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(folder, f));
if (files.length === 0) {
  console.error('tak: no workflow files to check; name them or add .github/workflows/*.yml');
  process.exit(2);
}
async function main(): Promise<number> {
let errors = 0;
for (const file of files) {
  const name = path.relative(process.cwd(), file);
  const result = parseWorkflow({ name, content: readFileSync(file, 'utf8') }, new NoOperationTraceWriter());
  const found: { message: string; range?: { start: { line: number; column: number } } }[] = [...result.context.errors.getErrors()];
  if (result.value && found.length === 0) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    found.push(...(template.errors ?? []).map((e) => ({ message: e.Message, range: undefined })));
  }
  for (const e of found) {
    const where = e.range ? `:${e.range.start.line}:${e.range.start.column}` : '';
    console.log(`${name}${where} ${e.message.replace(/^[^:]*\.ya?ml \(Line: \d+, Col: \d+\): /, '')}`);
  }
  errors += found.length;
}
console.log(`${files.length} workflow file(s) checked, ${errors} error(s)`);
return errors > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
