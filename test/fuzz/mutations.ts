/**
 * Mutations of a real-shaped repository, for the fuzz tests and `npm run fuzz`: random edits of the
 * shipped example declarations (bytes, lines, indentation, deep nesting, YAML features, tricky
 * values), new files in known and unknown places (also random declaration-shaped values), deleted files. A mutation plan is plain data, so
 * fast-check can shrink a failing one to the smallest that still fails.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { trickyText } from '../property/arbitraries';

const REPO_ROOT = path.join(__dirname, '../..');

/** YAML features and shapes a hand-written declaration might hold, or an attacker might try. */
const FRAGMENTS = [
  '&a [x, x]', '*a', '<<: *a', '? [a, b]\n: c', '!!binary aGVsbG8=', '!evil x', '%YAML 1.1\n---\n', '---\n', '...\n', '|\n  text\n', '>-\n  folded\n',
  '"\\u0000"', "'it''s'", '{ a: 1, a: 2 }', '[', ']', '{', '}', '- ', ': ', '\t', '\r\n', '\ufeff', '\u2028', '\u00a0', 'null', '~', '0o17', '1e400',
  '2026-02-30', '9999-99-99', '-1', '65536', '0.0.0.0/0', '::/0', 'https://x.example.se/\n', '../../../etc/passwd', '/dev/zero', 'x'.repeat(70_000),
];

export type Payload = { text: string } | { bytes: number[] };

export type Mutation =
  | { kind: 'insert'; at: number; payload: Payload }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace-line'; line: number; payload: Payload }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'flip-byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'nest'; line: number; depth: number; open: '[' | '{a: ' | '- ' }
  | { kind: 'replace-file'; payload: Payload };

export type FileEdit = { file: number; mutation: Mutation } | { add: string; payload: Payload } | { add: string; value: unknown } | { remove: number };

const payload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 4, arbitrary: trickyText.map((text) => ({ text })) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }).map((bytes) => ({ bytes })) },
);

const position = fc.nat({ max: 5000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, payload }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace-line' as const), line: position, payload }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: position, other: position }),
  fc.record({ kind: fc.constant('indent' as const), line: position, by: fc.integer({ min: -4, max: 6 }) }),
  fc.record({ kind: fc.constant('flip-byte' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('nest' as const), line: position, depth: fc.integer({ min: 1, max: 12_000 }), open: fc.constantFrom('[' as const, '{a: ' as const, '- ' as const) }),
  fc.record({ kind: fc.constant('replace-file' as const), payload }),
);

/** Places a new file may land: every kind of declaration, an unknown folder, a non-declaration. */
const NEW_FILES = [
  'config/systems/fuzz.yaml', 'config/service-domains/fuzz.yaml', 'config/logical-addresses/fuzz.yaml', 'config/trusted-cas.yaml',
  'environments/qa/connections/fuzz.yaml', 'environments/prod/environment.yaml', 'environments/fuzz/environment.yaml',
  'environments/.copy/environment.yaml', 'environments/test/fuzz.yml', 'config/fuzz.yaml', 'config/systems/certs/fuzz.pem', 'environments/fuzz.yaml',
];

/** The keys of every kind of declaration, so that random values get past the unknown-key check and into the rules. */
const KEYS = [
  'hsaId', 'name', 'organisation', 'owners', 'contacts', 'environments', 'certificates', 'endpoints', 'sourceAddresses', 'host', 'port', 'addresses',
  'domain', 'contracts', 'major', 'minor', 'namespace', 'logicalAddresses', 'description', 'parent', 'cas', 'file', 'test', 'platform', 'stage',
  'promotesFrom', 'installedContracts', 'routing', 'authorizations', 'producer', 'profile', 'consumer', 'consumers', 'validFrom', 'validTo',
  'filters', 'serviceDomain', 'categorizations', 'integrationAgreement', 'prestudy', 'ref', 'approved', 'suppressions', 'rule', 'entity', 'reason',
  'expires', 'deactivated', 'date', 'wildcardApproval', 'preExisting', 'testEvidence', 'endToEnd', 'qa', 'test', 'prod', 'GetForms:2', '*', 'SE',
];
const scalar = fc.oneof(trickyText, fc.constantFrom('SE5565594230-B9P', 'SE2321000016-A1B2', 'GetForms:2', 'RIVTABP21', 'https://x.example.se/a', '2026-01-01', '10.0.0.0/8', 'qa', '*'), fc.integer(), fc.boolean(), fc.constant(null));
/** Values shaped like declarations: maps with their keys, lists, scalars, a few levels deep. */
export const declarationLike: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 6 }),
  ),
})).node;

export const fileEdit: fc.Arbitrary<FileEdit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ file: fc.nat(), mutation }) },
  { weight: 1, arbitrary: fc.record({ add: fc.constantFrom(...NEW_FILES), payload }) },
  { weight: 2, arbitrary: fc.record({ add: fc.constantFrom(...NEW_FILES), value: fc.dictionary(fc.constantFrom(...KEYS), declarationLike, { minKeys: 1, maxKeys: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ remove: fc.nat() }) },
);

/** One to `max` edits of the repository. */
export const editPlan = (max = 4) => fc.array(fileEdit, { minLength: 1, maxLength: max });

const bytesOf = (p: Payload) => ('text' in p ? Buffer.from(p.text) : Buffer.from(p.bytes));

function lines(text: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = text.indexOf(10); i >= 0; i = text.indexOf(10, start)) {
    out.push(text.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.subarray(start));
  return out.length ? out : [Buffer.alloc(0)];
}

/** Applies one mutation to a file's bytes. Positions wrap around the file's size. */
export function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = (n: number) => (bytes.length ? n % (bytes.length + 1) : 0);
  const all = lines(bytes);
  const line = (n: number) => n % all.length;
  switch (m.kind) {
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at(m.at)), bytesOf(m.payload), bytes.subarray(at(m.at))]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at(m.at)), bytes.subarray(at(m.at) + m.length)]);
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'flip-byte': {
      const copy = Buffer.from(bytes);
      if (copy.length) copy[m.at % copy.length] = m.value;
      return copy;
    }
    case 'replace-file':
      return bytesOf(m.payload);
    default:
      break;
  }
  const i = line(m.line);
  const edited = [...all];
  if (m.kind === 'replace-line') edited[i] = Buffer.concat([bytesOf(m.payload), Buffer.from('\n')]);
  else if (m.kind === 'duplicate-line') edited.splice(i, 0, all[i]);
  else if (m.kind === 'swap-lines') [edited[i], edited[line(m.other)]] = [edited[line(m.other)], edited[i]];
  else if (m.kind === 'indent') {
    const text = all[i].toString('latin1');
    edited[i] = Buffer.from(m.by >= 0 ? ' '.repeat(m.by) + text : text.replace(new RegExp(`^ {0,${-m.by}}`), ''), 'latin1');
  } else if (m.kind === 'nest') {
    const close = m.open === '[' ? ']' : m.open === '{a: ' ? '}' : '';
    const nested = m.open === '- ' ? Array.from({ length: Math.min(m.depth, 3000) }, (_, d) => `${' '.repeat(d * 2)}- `).join('\n') + 'x' : `${m.open.repeat(m.depth)}x${close.repeat(m.depth)}`;
    const key = /^(\s*[\w-]+:)/.exec(all[i].toString('latin1'))?.[1] ?? 'routing:';
    edited[i] = Buffer.from(`${key} ${m.open === '- ' ? '\n' : ''}${nested}\n`, 'latin1');
  }
  return Buffer.concat(edited);
}

/** Every file under config/ and environments/ of a repository, sorted (the files a plan's indexes refer to). */
export function repositoryFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  for (const top of ['config', 'environments']) if (existsSync(path.join(root, top))) walk(top);
  return out.sort();
}

/** Applies the edits to the repository at `root`. */
export function applyEdits(root: string, edits: FileEdit[]): void {
  for (const edit of edits) {
    const files = repositoryFiles(root);
    if ('add' in edit) {
      mkdirSync(path.dirname(path.join(root, edit.add)), { recursive: true });
      writeFileSync(path.join(root, edit.add), 'payload' in edit ? bytesOf(edit.payload) : stringify(edit.value));
    } else if ('remove' in edit) {
      if (files.length) rmSync(path.join(root, files[edit.remove % files.length]));
    } else if (files.length) {
      const file = path.join(root, files[edit.file % files.length]);
      writeFileSync(file, mutate(readFileSync(file), edit.mutation));
    }
  }
}

/** A git repository holding a copy of the example data as its one commit (the base of a plan). */
export function exampleRepository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tak-fuzz-'));
  for (const dir of ['config', 'environments']) cpSync(path.join(REPO_ROOT, dir), path.join(root, dir), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=Fuzz', '-c', 'user.email=fuzz@example.se', ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  return root;
}

/** Commits the working tree (so that the next edits have a mutated base). */
export function commitAll(root: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=Fuzz', '-c', 'user.email=fuzz@example.se', ...args], { stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-qm', 'mutated base', '--allow-empty');
}

/** What a run of the CLI must never do: exit other than 0/1/2, or print a stack trace. */
export function crashOf(result: { code: number | null; stderr: string; stdout: string }, format?: string): string | undefined {
  if (result.code === null || ![0, 1, 2].includes(result.code)) return `exit ${result.code}`;
  if (/internal error|\n\s+at .+:\d+:\d+\)?/.test(result.stderr)) return 'a stack trace on stderr';
  if (result.code !== 2 && (format === 'json' || format === 'sarif')) {
    try {
      JSON.parse(result.stdout);
    } catch {
      return `${format} output that is not JSON`;
    }
  }
  return undefined;
}
