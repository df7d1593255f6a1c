import type { Rule } from '../src/check/types';

/** Files that cannot be read, YAML that does not parse, declarations that do not match their schema. */
const schema: Rule = (state) =>
  state.diagnostics.map((d) => ({ message: d.message, location: d.location, entity: d.entity }));

export default schema;
