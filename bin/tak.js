#!/usr/bin/env node
// The CLI runs the compiled JavaScript in build/ (`npm ci` and `npm run build` write it), so that a
// command starts without compiling TypeScript. TAK_FROM_SOURCES=1 (`npm run dev -- …`) runs the
// TypeScript sources through tsx instead, for development without a build. Declarations written in
// TypeScript run in a child process of their own, which compiles them (src/load/typescript.ts).
const path = require('node:path');

function load() {
  if (process.env.TAK_FROM_SOURCES) {
    require('tsx/cjs');
    return require('../src/cli/main.ts');
  }
  try {
    return require('../build/src/cli/main.js');
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes(path.join('build', 'src', 'cli', 'main.js'))) throw error;
    process.stderr.write(`tak: the compiled CLI is missing (build/); run npm run build in ${path.dirname(__dirname)}\n`);
    process.exit(2);
  }
}

load()
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
