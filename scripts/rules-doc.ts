/**
 * `npm run rules:doc`: writes policies/RULES.md from the pack (the same data `tak rules` prints).
 * A test fails when the file is stale. Written to a temp file first, then renamed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pack } from '../policies/pack';
import { renderRulesMarkdown } from '../src/report/rules';

const RULES_DOC = path.join(__dirname, '..', 'policies', 'RULES.md');

const temp = `${RULES_DOC}.${process.pid}.tmp`;
writeFileSync(temp, renderRulesMarkdown(pack));
renameSync(temp, RULES_DOC);
process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC)} (${pack.length} rules)\n`);
