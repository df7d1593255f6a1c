/**
 * Deploys one environment's synthesized configuration through the real tools, run by a
 * CommandRunner: terraform in the stack's folder (`init`, `plan -out -detailed-exitcode`, `apply`
 * of that saved plan), or kubectl server-side apply of the plain manifests. Each failure names its
 * step; exit codes map onto the CLI's (see `DeployFailed`).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CommandRunner, RunResult } from './runner';

export type Target = 'terraform' | 'manifests';

export interface DeployInput {
  runner: CommandRunner;
  target: Target;
  /** The stack folder (terraform) or the manifests folder (kubectl). */
  folder: string;
  /** The kubeconfig context of the environment (kubectl). */
  context?: string;
  dryRun: boolean;
  /** Asked before anything is changed; false stops the deploy (not with a dry run). */
  confirm: () => Promise<boolean>;
  output: (text: string) => void;
  terraform?: string;
  kubectl?: string;
}

export interface Deployed {
  /** Whether the tool found anything to change. */
  changes: boolean;
  /** sha256 of terraform's saved plan (or of the manifests), for the record. */
  planDigest: string;
  /** The commands that were run, and those a dry run left out. */
  ran: string[];
  skipped: string[];
}

/** A step failed: `exitCode` is the CLI's (2: the tool could not run, 1: it ran and failed, 130/143: interrupted). */
export class DeployFailed extends Error {
  constructor(
    readonly step: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const PLAN_FILE = 'tak.tfplan';

export function deploy(input: DeployInput): Promise<Deployed> {
  return input.target === 'terraform' ? terraform(input) : manifests(input);
}

async function terraform(input: DeployInput): Promise<Deployed> {
  const bin = input.terraform ?? process.env.TAK_TERRAFORM ?? 'terraform';
  const color = process.stdout.isTTY ? [] : ['-no-color'];
  const ran: string[] = [];
  const step = async (name: string, args: string[], ok: (code: number) => boolean) => {
    const shown = `${bin} ${args.join(' ')}`;
    input.output(`$ ${shown}\n`);
    ran.push(shown);
    const result = await input.runner.run({ command: bin, args: [...args, ...color], cwd: input.folder }, input.output);
    if (!ok(result.code)) throw failure(`terraform ${name}`, result);
    return result.code;
  };
  input.output(
    `terraform steps in ${input.folder}: init -input=false; plan -input=false -out=${PLAN_FILE} -detailed-exitcode; apply -input=false ${PLAN_FILE}${input.dryRun ? ' (not in a dry run)' : ''}\n`,
  );
  await step('init', ['init', '-input=false'], (c) => c === 0);
  const planned = await step('plan', ['plan', '-input=false', `-out=${PLAN_FILE}`, '-detailed-exitcode'], (c) => c === 0 || c === 2);
  const planDigest = digestOf(path.join(input.folder, PLAN_FILE));
  const apply = `${bin} apply -input=false ${PLAN_FILE}`;
  if (planned === 0) return { changes: false, planDigest, ran, skipped: [] };
  if (input.dryRun) return { changes: true, planDigest, ran, skipped: [apply] };
  if (!(await input.confirm())) throw new DeployFailed('terraform apply', 'the apply was not approved; nothing was changed or recorded', 1);
  await step('apply', ['apply', '-input=false', PLAN_FILE], (c) => c === 0);
  return { changes: true, planDigest, ran, skipped: [] };
}

async function manifests(input: DeployInput): Promise<Deployed> {
  const bin = input.kubectl ?? process.env.TAK_KUBECTL ?? 'kubectl';
  const base = [...(input.context ? ['--context', input.context] : []), 'apply', '--server-side', '--field-manager=tak-gitops', '-f', input.folder];
  const run = async (args: string[], name: string) => {
    input.output(`$ ${bin} ${args.join(' ')}\n`);
    const result = await input.runner.run({ command: bin, args, cwd: input.folder }, input.output);
    if (result.code !== 0) throw failure(name, result);
  };
  const real = `${bin} ${base.join(' ')}`;
  await run([...base, '--dry-run=server'], 'kubectl apply --dry-run=server');
  if (input.dryRun) return { changes: true, planDigest: manifestsDigest(input.folder), ran: [`${real} --dry-run=server`], skipped: [real] };
  if (!(await input.confirm())) throw new DeployFailed('kubectl apply', 'the apply was not approved; nothing was changed or recorded', 1);
  await run(base, 'kubectl apply');
  return { changes: true, planDigest: manifestsDigest(input.folder), ran: [`${real} --dry-run=server`, real], skipped: [] };
}

/** What terraform says when it cannot fetch a provider (no registry, no mirror). */
const PROVIDER_DOWNLOAD = /Failed to (query available provider packages|install provider)|could not connect to registry|Failed to resolve provider packages/i;

function failure(step: string, result: RunResult): DeployFailed {
  if (result.code === 127) return new DeployFailed(step, `${step.split(' ')[0]} is not installed (or not on PATH); install it, or set TAK_${step.split(' ')[0].toUpperCase()} to its path`, 2);
  if (result.code === 130 || result.code === 143) return new DeployFailed(step, `${step} was interrupted; nothing was recorded`, result.code);
  if (step === 'terraform init' && PROVIDER_DOWNLOAD.test(stripAnsi(result.output))) {
    return new DeployFailed(
      step,
      'terraform init could not install the kubernetes provider (no provider can be downloaded from this machine); provide it through a provider mirror or plugin cache (docs/apply.md), or deploy the manifests with --target manifests',
      2,
    );
  }
  return new DeployFailed(step, `${step} failed with exit code ${result.code}; see its output above`, step === 'terraform init' ? 2 : 1);
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function digestOf(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch {
    throw new DeployFailed('terraform plan', `terraform plan wrote no plan file ${file}; run it by hand in ${path.dirname(file)} to see why`, 1);
  }
}

function manifestsDigest(folder: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  return hash.digest('hex');
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
