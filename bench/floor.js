/**
 * The floor under `tak validate`, run as a command of its own (`node bench/floor.js REPO`): list the
 * same YAML files, read them and parse each with the fastest YAML parser measured (js-yaml's `load`;
 * the `yaml` package takes about ten times as long, @stoplight/yaml-ast-parser about 1.5 times),
 * nothing else. Validation can hardly be faster than this.
 */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { load } = require('js-yaml');

function yamlFiles(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

const repo = process.argv[2];
for (const top of ['config', 'environments']) for (const file of yamlFiles(path.join(repo, top), [])) load(readFileSync(file, 'utf8'));
