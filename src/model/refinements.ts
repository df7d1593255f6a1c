/**
 * The declaration schemas' refinements (src/model/schemas.ts): what a schema checks that JSON Schema
 * cannot say, as named functions. The schemas refine with these very functions, and the generated
 * precheck (precheck.ts) calls them by name, so both test the same thing.
 */
import { forbiddenCharacter, type Carrier } from './characters';
import { isCalendarDay } from './days';

const isHeld = (value: string, carrier: Carrier) => value.length > 0 && forbiddenCharacter(value, carrier) === undefined;

export const REFINEMENTS = {
  /** A one-line value: not empty, no control or invisible character. */
  line: (value: string) => isHeld(value, 'line'),
  /** Prose: as a line, but line breaks and tabs allowed. */
  prose: (value: string) => isHeld(value, 'prose'),
  /** What XML 1.0 can carry, not empty. */
  xml: (value: string) => isHeld(value, 'xml'),
  /** A real day of the calendar (the 30th of February is not). */
  calendarDay: isCalendarDay,
  /** A routing group maps at least one contract. */
  someContract: (contracts: Record<string, string>) => Object.keys(contracts).length > 0,
  /** An authorization group names `consumer` or `consumers`, not both, not neither. */
  oneConsumerField: (g: { consumer?: string; consumers?: string[] }) => (g.consumer === undefined) !== (g.consumers === undefined),
  /** A period does not end before it starts. */
  periodInOrder: (g: { validFrom?: string; validTo?: string }) => !g.validFrom || !g.validTo || g.validFrom <= g.validTo,
} as const;

export type RefinementName = keyof typeof REFINEMENTS;
