/**
 * The fast way to validate a declaration: the schemas compiled to plain functions
 * (precheck.generated.js, written by precheck-source.ts). A value they accept is its own declaration,
 * the schema's defaults supplied in place, with no copy and without loading zod; a value they refuse
 * is validated by zod, which words each problem. They refuse whatever they cannot check exactly as
 * the schema does, so acceptance means the schema accepts, with the same value.
 */
import type { FileKind } from '../load/layout';

type Check = (value: unknown) => boolean;

let compiled: Record<FileKind, Check> | undefined;

/** Whether the schema of `kind` accepts `value`, supplying its defaults in place; false leaves it to zod. */
export function precheck(kind: FileKind, value: unknown): boolean {
  compiled ??= require('./precheck.generated') as Record<FileKind, Check>;
  try {
    return compiled[kind](value);
  } catch {
    // A value it cannot supply a default into (a frozen object from a TypeScript declaration) is zod's to judge.
    return false;
  }
}
