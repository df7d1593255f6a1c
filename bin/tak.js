#!/usr/bin/env node
// The CLI runs from the TypeScript sources: tsx compiles them on the fly, and the same hook lets
// declaration files written in TypeScript be loaded from the repository being checked.
require('tsx/cjs');
require('../src/cli/main.ts')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
