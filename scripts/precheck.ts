/**
 * `npm run precheck`: writes src/model/precheck.generated.js from the declaration schemas. A test
 * fails when the file is stale. Written to a temp file first, then renamed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { precheckSource } from '../src/model/precheck-source';

const GENERATED = path.join(__dirname, '..', 'src', 'model', 'precheck.generated.js');

const temp = `${GENERATED}.${process.pid}.tmp`;
writeFileSync(temp, precheckSource());
renameSync(temp, GENERATED);
process.stdout.write(`wrote ${path.relative(process.cwd(), GENERATED)}\n`);
