/**
 * A request is checked before anything is written: the declarations of HEAD with the request's
 * files laid over them go through load, parse, resolve and the whole policy pack, as `tak validate`
 * would run them on the new commit.
 */
import { checkRepository } from '../check/engine';
import type { CheckResult, Finding } from '../check/types';
import type { RepositoryState } from '../model/state';
import { readState } from '../pipeline';
import type { RepositoryReader } from '../load/reader';
import { pack } from '../../policies/pack';
import type { FileChanges } from './git';

/** A reader that answers from `changes` first (a null change is a deleted file), then from `base`. */
export class OverlayReader implements RepositoryReader {
  readonly label: string;

  constructor(
    private readonly base: RepositoryReader,
    private readonly changes: FileChanges,
  ) {
    this.label = `${base.label} with the request`;
  }

  async list(): Promise<string[]> {
    const files = new Set(await this.base.list());
    for (const [file, content] of this.changes) {
      if (content === null) files.delete(file);
      else files.add(file);
    }
    return [...files].sort();
  }

  async read(file: string): Promise<Buffer> {
    const content = this.changes.get(file);
    return typeof content === 'string' ? Buffer.from(content) : this.base.read(file);
  }

  importPath(file: string): Promise<string> {
    return this.base.importPath(file);
  }
}

export interface RequestCheck {
  result: CheckResult;
  /** Errors the request brings (not already in the base). */
  newErrors: Finding[];
}

const identity = (f: Finding) => [f.rule, f.env, f.entity ?? '', f.message].join('\0');

/** Checks the base with the changes; an error counts against the request only when the base does not have it. */
export async function checkRequest(baseReader: RepositoryReader, base: RepositoryState, changes: FileChanges, now: Date): Promise<RequestCheck> {
  const head = await readState(new OverlayReader(baseReader, changes));
  const result = checkRepository([...head.environments.values()], pack, { now, repository: head });
  const before = checkRepository([...base.environments.values()], pack, { now, repository: base });
  const known = new Set(before.findings.filter((f) => f.level === 'error' && !f.suppressed).map(identity));
  const newErrors = result.findings.filter((f) => f.level === 'error' && !f.suppressed && !known.has(identity(f)));
  return { result, newErrors };
}
