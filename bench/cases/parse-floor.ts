/** The floor (bench/floor.js): the fastest YAML parser reading the same files, as a command. Every size measures it first. */
import * as path from 'node:path';
import type { BenchCase } from '../types';

const parseFloor: BenchCase = {
  name: 'parse floor (js-yaml)',
  command: (repo) => [path.join(__dirname, '..', 'floor.js'), repo],
};

export default parseFloor;
