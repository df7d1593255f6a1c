/**
 * Export of the whole synthetic repository as one catalog export (the rows of all environments
 * together), kept next to the repository for import.ts (cases run in file-name order).
 */
import { writeFileSync } from 'node:fs';
import { isoDay } from '../../src/check/periods';
import { emptyTables, tablesFromState } from '../../src/formats/tak/tables';
import { writeTakExport } from '../../src/formats/tak-export/write';
import { readWorkingTree } from '../../src/pipeline';
import type { BenchCase } from '../types';

export const exportFile = (repo: string) => `${repo}-tak-export.json`;

const bench: BenchCase = {
  name: 'export tak-export (all environments)',
  async run(repo) {
    const state = await readWorkingTree(repo);
    const all = emptyTables();
    for (const env of state.environments.values()) {
      const t = tablesFromState(env);
      Object.assign(all, { components: t.components, contracts: t.contracts, logicalAddresses: t.logicalAddresses });
      for (const r of t.routing) all.routing.push(r);
      for (const a of t.authorizations) all.authorizations.push(a);
    }
    const file = exportFile(repo);
    writeFileSync(file, writeTakExport(all, { today: isoDay(new Date()) }));
  },
};

export default bench;
