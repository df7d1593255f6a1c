/**
 * `tak request deactivate`: a system is marked deactivated; its routing and authorizations stay
 * (each group that names it is marked `preExisting: true`, so the rules let it keep them), and it
 * gets nothing new.
 */
import { requireSystem } from '../../resolve/references';
import { RequestRefused } from '../git';
import { FileEdits } from '../edits';
import { YamlEdit } from '../yaml-edit';
import { branchName, systemChoices, systemLabel, type RequestDraft, type RequestInput } from '../common';

export interface DeactivateOptions {
  system?: string;
  date?: string;
  reason?: string;
}

export async function draftDeactivate(input: RequestInput, o: DeactivateOptions): Promise<RequestDraft> {
  const { catalog } = input.state;
  const system = requireSystem(catalog, o.system ?? (await input.ask.pick('--system', 'System to deactivate', systemChoices(catalog))), '--system');
  if (system.decl.deactivated) throw new RequestRefused(`${systemLabel(system)} is already deactivated since ${system.decl.deactivated.date} (${system.file})`);
  const file = system.file;
  if (!/\.ya?ml$/.test(file)) throw new RequestRefused(`${file} is TypeScript; change it by hand`);
  const reason = o.reason ?? (await input.ask.optional('Reason (empty for none)'));
  const edit = new YamlEdit((await input.text(file))!, file);
  edit.setTopLevel('deactivated', { date: o.date ?? input.today, ...(reason ? { reason } : {}) });
  const edits = new FileEdits(input);
  let kept = 0;
  for (const state of input.state.environments.values()) {
    for (const connection of state.connections) {
      const names = (g: { consumer?: string; consumers?: string[]; producer?: string }) =>
        [g.producer, g.consumer, ...(g.consumers ?? [])].some((h) => h?.toLowerCase() === system.key);
      for (const key of ['routing', 'authorizations'] as const) {
        for (const [i, group] of (connection.decl[key] as { preExisting?: boolean; producer?: string; consumer?: string; consumers?: string[] }[]).entries()) {
          if (!names(group) || group.preExisting) continue;
          (await edits.of(connection)).addToItem(key, i, 'preExisting', true);
          kept++;
        }
      }
    }
  }
  const changes = edits.changes();
  changes.set(file, edit.result());
  return {
    subject: `deactivate ${systemLabel(system)}`,
    details: [`From ${o.date ?? input.today}${reason ? `: ${reason}` : ''}`, `File: ${file}`, `${kept} existing routing and authorization groups marked preExisting (they stay)`],
    changes,
    branch: branchName('deactivate', system.hsaId),
  };
}
