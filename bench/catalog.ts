/**
 * `node --import tsx bench/catalog.ts REPO`: the synthetic repository as ONE platform's catalog
 * export of the same size, written next to the repository for cases/import.ts: the rows of test, qa and prod, each
 * environment's logical addresses renamed into a set of its own (`SE2321000081-10BI` becomes
 * `SE2321000081-10BI-TEST`, `-QA`, `-PROD`, the environment named in the description), as if the platform
 * held three regions' worth of connections. No (contract, logical address) is routed twice and every
 * authorization keeps its routing, as in a tidy catalog; producers keep each environment's URLs.
 */
import { isoDay } from '../src/check/periods';
import { emptyTables, tablesFromState, type TakTables } from '../src/formats/tak/tables';
import { takExportChunks } from '../src/formats/tak-export/write';
import { writeOutput } from '../src/export/output';
import { naturalKey } from '../src/model/syntax';
import { readWorkingTree } from '../src/pipeline';

export const exportFile = (repo: string) => `${repo}-tak-export.json`;

/** Adds one environment's rows to the catalog, its logical addresses suffixed with the environment's name. */
function addRenamed(all: TakTables, env: TakTables, name: string): void {
  const renamed = (hsaId: string) => `${hsaId}-${name.toUpperCase()}`;
  for (const [key, c] of env.components) all.components.set(key, c);
  for (const [key, c] of env.contracts) all.contracts.set(key, c);
  for (const la of env.logicalAddresses.values()) {
    const hsaId = renamed(la.hsaId);
    all.logicalAddresses.set(naturalKey(hsaId), { hsaId, description: `${la.description} (${name})` });
  }
  for (const r of env.routing) all.routing.push({ ...r, logicalAddress: renamed(r.logicalAddress) });
  for (const a of env.authorizations) all.authorizations.push({ ...a, logicalAddress: renamed(a.logicalAddress) });
}

async function main(repo: string): Promise<void> {
  const state = await readWorkingTree(repo);
  const all = emptyTables();
  for (const env of state.environments.values()) addRenamed(all, tablesFromState(env), env.name);
  await writeOutput(exportFile(repo), takExportChunks(all, { today: isoDay(new Date()) }), true);
}

if (require.main === module) {
  main(process.argv[2]).catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
