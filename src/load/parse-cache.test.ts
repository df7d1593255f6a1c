/** The parse cache of `tak plan` between runs: kept under .git/, used, pruned, and harmless when broken. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadRepository } from './index';
import { parseDeclarations } from '../parse';
import { openParseCache } from './parse-cache';
import { WorkingTreeReader } from './reader';
import { makeRepo, removeRepo } from '../../test/helpers/minimal-repo';
import { commitAll, git } from '../../test/plan/git';

const FILE = 'config/systems/extra.yaml';

describe('openParseCache', () => {
  let root: string;
  beforeEach(() => {
    root = makeRepo({ [FILE]: 'hsaId: SE9\nname: x\norganisation: y\ncolour: red\n' });
    commitAll(root);
  });
  afterEach(() => removeRepo(root));

  const cacheFile = () => path.join(root, '.git', 'tak', 'parse-cache.json');
  const load = async () => {
    const parses = openParseCache(root);
    const loaded = await loadRepository(new WorkingTreeReader(root), parses.cache);
    parses.save();
    return { loaded, parses };
  };

  it('keeps the values and positions of a run under .git/ and gives them to the next', async () => {
    const first = await load();
    const saved = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { values: Record<string, { value: unknown }> };
    expect(Object.keys(saved.values).sort()).toEqual(first.loaded.files.filter((f) => !f.path.endsWith('.ts')).map((f) => f.hash).sort());
    expect(git(root, 'status', '--porcelain')).toBe('');

    // A value only the cache can have had proves that the next run took it from there.
    const extra = first.loaded.files.find((f) => f.path === FILE)!;
    saved.values[extra.hash!].value = { hsaId: 'SE9', name: 'from the cache', organisation: 'y', colour: 'red' };
    writeFileSync(cacheFile(), JSON.stringify({ ...saved, values: saved.values }));
    const second = await load();
    const cached = second.loaded.files.find((f) => f.path === FILE)!;
    expect((cached.value as { name: string }).name).toBe('from the cache');
    expect(cached.locator.locateKey([], 'colour')).toEqual({ file: FILE, line: 4, col: 1 });
  });

  it('keeps a file that passed its schema as its declaration, which the next run does not validate again', async () => {
    writeFileSync(path.join(root, FILE), 'hsaId: SE9\nname: x\norganisation: y\n');
    const parses = openParseCache(root);
    parseDeclarations(await loadRepository(new WorkingTreeReader(root), parses.cache));
    parses.save();
    const saved = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { values: Record<string, { value: Record<string, unknown>; validated?: boolean }> };
    const system = Object.values(saved.values).find((v) => v.value.hsaId === 'SE9')!;
    // The schema's defaults show that what is kept is the declaration, not the YAML's value.
    expect(system).toMatchObject({ validated: true, value: { owners: [], contacts: [] } });

    // A value the schema refuses, marked as validated: the next run takes it as it is.
    system.value.name = 42;
    writeFileSync(cacheFile(), JSON.stringify(saved));
    const next = parseDeclarations(await loadRepository(new WorkingTreeReader(root), openParseCache(root).cache));
    expect(next.diagnostics).toEqual([]);
    expect(next.systems.find((x) => x.file === FILE)!.value.name).toBe(42);
  });

  it('ignores a cache written by other code', async () => {
    await load();
    const saved = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { version: string; values: Record<string, { value: { name?: string } }> };
    for (const v of Object.values(saved.values)) v.value.name = 'from other code';
    writeFileSync(cacheFile(), JSON.stringify({ ...saved, version: `${saved.version}-other` }));
    const { loaded } = await load();
    expect((loaded.files.find((f) => f.path === FILE)!.value as { name: string }).name).toBe('x');
  });

  it('leaves the file alone when a run used what it holds and nothing else', async () => {
    await load();
    const written = statSync(cacheFile()).ino;
    await load();
    expect(statSync(cacheFile()).ino).toBe(written);
    writeFileSync(path.join(root, FILE), 'hsaId: SE9\nname: changed\norganisation: y\n');
    await load();
    expect(statSync(cacheFile()).ino).not.toBe(written);
  });

  it('drops the values of files that are gone, and ignores a cache it cannot read', async () => {
    await load();
    writeFileSync(path.join(root, FILE), 'hsaId: SE9\nname: changed\norganisation: y\n');
    await load();
    const values = (JSON.parse(readFileSync(cacheFile(), 'utf8')) as { values: Record<string, { value: { hsaId?: string; name?: string } }> }).values;
    expect(Object.values(values).filter((v) => v.value.hsaId === 'SE9').map((v) => v.value.name)).toEqual(['changed']);

    writeFileSync(cacheFile(), '{ not json');
    const again = await load();
    expect((again.loaded.files.find((f) => f.path === FILE)!.value as { name: string }).name).toBe('changed');
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).values).toBeDefined();
  });

  it('writes ASCII only, and gives back every character past it as written', async () => {
    const name = 'Vårdcentral Ängen \u2028 平和 😀';
    writeFileSync(path.join(root, FILE), `hsaId: SE9\nname: "${name}"\norganisation: y\n`);
    await load();
    expect([...readFileSync(cacheFile())].every((byte) => byte < 0x80)).toBe(true);
    const { loaded } = await load();
    expect((loaded.files.find((f) => f.path === FILE)!.value as { name: string }).name).toBe(name);
  });
});
