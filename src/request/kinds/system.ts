/**
 * `tak request system` (registering a system): organisation, name, HSA-id, owners, contacts and the
 * environments it may be ordered in. With `--certificate FILE` the HSA-id is read from the function
 * certificate's subject serialNumber, as the ordering tool derives it, and the certificate is kept
 * next to the declaration for each environment.
 */
import { readFileSync } from 'node:fs';
import { readCertificateFile, subjectSerialNumber } from '../../certs/read';
import { HSA_ID } from '../../model/syntax';
import { RequestInputError } from '../address-list';
import { RequestRefused } from '../git';
import { render } from '../yaml-edit';
import { branchName, slug, type RequestDraft, type RequestInput } from '../common';

export interface SystemOptions {
  name?: string;
  organisation?: string;
  hsaId?: string;
  certificate?: string;
  description?: string;
  owner?: string[];
  contact?: string[];
  environment?: string[];
}

export async function draftSystem(input: RequestInput, o: SystemOptions): Promise<RequestDraft> {
  const { catalog } = input.state;
  const certificate = o.certificate ? readCertificate(o.certificate) : undefined;
  const hsaId = hsaIdOf(o, certificate?.hsaId) ?? (await input.ask.text('--hsa-id', 'HSA-id of the system (its function certificate\'s serialNumber)', { validate: (v) => HSA_ID.test(v) || 'letters, digits, - and _ only' }));
  if (!HSA_ID.test(hsaId)) throw new RequestInputError(`--hsa-id ${hsaId} is not an HSA-id (letters, digits, - and _ only)`);
  const known = catalog.systemIndex.get(hsaId.toLowerCase());
  if (known) throw new RequestRefused(`${hsaId} is already registered as ${known.decl.name} (${known.location.file}:${known.location.line})`);
  const name = o.name ?? (await input.ask.text('--name', 'Name of the system'));
  const organisation = o.organisation ?? (await input.ask.text('--organisation', 'Organisation that owns it'));
  const environments = o.environment?.length ? o.environment : await input.ask.pickMany('--environment', 'Environments it may be ordered in', [...input.state.environments.keys()].map((e) => ({ value: e, name: e })));
  for (const env of environments) if (!input.state.environments.has(env)) throw new RequestInputError(`--environment ${env} is not an environment under environments/ (have: ${[...input.state.environments.keys()].join(', ')})`);
  const contacts = (o.contact ?? []).map(contactOf);
  const base = slug(name);
  const file = `config/systems/${base}.yaml`;
  if ((await input.text(file)) !== undefined) throw new RequestRefused(`${file} exists; the system may be registered already, or name it differently`);
  const changes = new Map<string, string | null>();
  const perEnvironment: Record<string, object> = {};
  for (const env of environments) {
    if (!certificate) {
      perEnvironment[env] = {};
      continue;
    }
    const pem = `certs/${base}-${env}.pem`;
    if ((await input.text(`config/systems/${pem}`)) !== undefined) throw new RequestRefused(`config/systems/${pem} exists; remove it or name the system differently`);
    changes.set(`config/systems/${pem}`, certificate.pem);
    perEnvironment[env] = { certificates: [pem] };
  }
  const decl = {
    hsaId,
    name,
    organisation,
    ...(o.description ? { description: o.description } : {}),
    owners: o.owner ?? [],
    contacts,
    environments: perEnvironment,
  };
  changes.set(file, render(decl, 0));
  return {
    subject: `register the system ${hsaId} (${name}, ${organisation})`,
    details: [`Environments: ${environments.join(', ') || 'none'}`, ...(certificate ? [`HSA-id from the subject serialNumber of ${o.certificate}`] : []), `File: ${file}`],
    changes,
    branch: branchName('system', hsaId),
  };
}

function hsaIdOf(o: SystemOptions, fromCertificate: string | undefined): string | undefined {
  if (o.hsaId && fromCertificate && o.hsaId.toLowerCase() !== fromCertificate.toLowerCase()) {
    throw new RequestInputError(`--hsa-id ${o.hsaId} differs from the certificate's serialNumber ${fromCertificate}; the platform identifies the system by the certificate, so leave --hsa-id out`);
  }
  return fromCertificate ?? o.hsaId;
}

/** The certificate's PEM and the HSA-id of its subject serialNumber (OID 2.5.4.5). */
function readCertificate(file: string): { pem: string; hsaId: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new RequestInputError(`cannot read --certificate ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const read = readCertificateFile(bytes);
  const [leaf] = read.certificates;
  if (!leaf) throw new RequestInputError(`--certificate ${file} ${read.problem}`);
  const hsaId = subjectSerialNumber(leaf);
  if (!hsaId) {
    throw new RequestInputError(`--certificate ${file} has no serialNumber in its subject (${leaf.subject.replace(/\n/g, ', ')}); a SITHS function certificate carries the system's HSA-id there, so use that certificate or pass --hsa-id`);
  }
  return { pem: leaf.toString(), hsaId };
}

/** `role:name:email` (the e-mail may be left out: `role:name`). */
function contactOf(flag: string): { role: string; name: string; email?: string } {
  const [role, name, email] = flag.split(':').map((p) => p.trim());
  if (!role || !name) throw new RequestInputError(`--contact ${flag} is not written role:name:email (technical:Support team:support@example.se)`);
  return { role, name, ...(email ? { email } : {}) };
}
