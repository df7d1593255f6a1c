/** `tak plan` of a 1% change (see plan-cold.ts) with the parse of unchanged files cached by the run before. */
import type { BenchCase } from '../types';
import { planCase } from './plan-cold';

const plan: BenchCase = { ...planCase('plan (1% change, parse cached)', true), needs: ['plan-cold'], target: { seconds: 3 } };

export default plan;
