import type { z } from 'zod';
import type { Diagnostic } from '../model/diagnostics';
import type { LoadedFile } from '../load';
import type { PathSegment } from '../load/locator';

/** `routing[0].logicalAddresses[3]`: a path as an author reads it. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

/** One schema issue as a located diagnostic, worded for the author of the file. */
export function describeIssue(issue: z.core.$ZodIssue, file: LoadedFile, entity?: string): Diagnostic {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    const where = path.length ? ` in ${formatPath(path)}` : '';
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
    return {
      message: `unknown key "${key}"${more}${where}; check the spelling or remove it`,
      location: file.locator.locateKey(path, key),
      entity,
    };
  }
  return { message: `${formatPath(path)} ${explain(issue)}`, location: file.locator.locate(path), entity };
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const got = issue.input === undefined ? 'missing' : Array.isArray(issue.input) ? 'a list' : typeof issue.input;
    if (issue.expected === 'string' && typeof issue.input === 'number') {
      return 'is a number but must be text: put it in quotes so that leading zeros and long digits survive';
    }
    if (got === 'missing') return `is required (${issue.expected})`;
    return `must be ${article(issue.expected)}, not ${got}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };
  return names[type] ?? type;
}
