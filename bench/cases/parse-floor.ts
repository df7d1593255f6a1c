/**
 * The floor under `validate`: list the same YAML files, read them and `YAML.parse` each, nothing
 * else. Validation can hardly be faster than this; the target is to stay within twice of it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { BenchCase } from '../types';

async function yamlFiles(dir: string, out: string[]): Promise<string[]> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await yamlFiles(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

const parseFloor: BenchCase = {
  name: 'parse floor',
  async run(repo) {
    const files: string[] = [];
    for (const top of ['config', 'environments']) await yamlFiles(path.join(repo, top), files);
    for (const file of files) YAML.parse(await fs.readFile(file, 'utf8'));
  },
};

export default parseFloor;
