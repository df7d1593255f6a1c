/** `tak request deactivate`: a system is marked deactivated; its routing stays, it gets nothing new. */
import { requireSystem } from '../../resolve/references';
import { RequestRefused } from '../git';
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
  if (system.decl.deactivated) throw new RequestRefused(`${systemLabel(system)} is already deactivated since ${system.decl.deactivated.date} (${system.location.file})`);
  const file = system.location.file;
  if (!/\.ya?ml$/.test(file)) throw new RequestRefused(`${file} is TypeScript; change it by hand`);
  const reason = o.reason ?? (await input.ask.optional('Reason (empty for none)'));
  const edit = new YamlEdit((await input.text(file))!, file);
  edit.setTopLevel('deactivated', { date: o.date ?? input.today, ...(reason ? { reason } : {}) });
  return {
    subject: `deactivate ${systemLabel(system)}`,
    details: [`From ${o.date ?? input.today}${reason ? `: ${reason}` : ''}`, `File: ${file}`],
    changes: new Map([[file, edit.result()]]),
    branch: branchName('deactivate', system.hsaId),
  };
}
