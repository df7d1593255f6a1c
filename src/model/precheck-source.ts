/**
 * Writes the precheck (precheck.ts): the declaration schemas compiled, through their JSON Schema, to
 * plain validation functions by ajv. Only what the schemas say exactly in JSON Schema is compiled as
 * such; each refinement calls its own function (refinements.ts); a part the generator cannot say
 * exactly (a zod check it does not know, a union with defaults) fails the precheck, and zod decides.
 * So whatever the precheck accepts, the schema accepts, giving the same value: the precheck
 * supplies the schema's defaults in place. `npm run precheck` writes the file; a test fails when
 * it is stale.
 */
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { _, type KeywordCxt } from 'ajv';
import { z } from 'zod';
import { declarationSchemas } from './schemas';
import { REFINEMENTS, type RefinementName } from './refinements';

/** The keywords that call refinements by name: on strings, and on objects (ajv applies each only to its type). */
const KEYWORDS = { string: 'takRefineString', object: 'takRefineObject' } as const;

const refinementNames = new Map<unknown, RefinementName>(Object.entries(REFINEMENTS).map(([name, fn]) => [fn, name as RefinementName]));

/**
 * zod types whose JSON Schema means what the type does; any other (a date, a transform, a custom
 * type) is refused. Objects must be strict (strip mode drops unknown keys, which the precheck would
 * keep) and records keyed by strings (an enum key makes zod require every key).
 */
const EXACT_TYPES = new Set(['string', 'number', 'boolean', 'null', 'object', 'array', 'record', 'enum', 'literal', 'optional', 'nullable', 'default', 'union']);

/**
 * zod checks whose JSON Schema form means what the check does. String lengths differ: zod counts
 * code points, the precheck UTF-16 units (`unicode: false`, as fast as reading a property, where
 * counting code points walks every identifier of a catalog). A unit count is never below the
 * code-point count, so a maximum is only stricter (a value with characters outside the BMP near the
 * limit is left to zod); a minimum or an exact length of a string is refused.
 */
const EXACT_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than', 'number_format']);
const STRING_LENGTH_CHECKS_REFUSED = new Set(['min_length', 'length_equals']);
/** String formats whose zod check is a test of the pattern the JSON Schema carries. */
const PATTERN_FORMATS = new Set(['regex', 'email']);

type Json = Record<string, unknown>;

interface CheckDef {
  check: string;
  fn?: unknown;
  format?: string;
  pattern?: RegExp;
}

/** A string format (`z.email()`) is a check itself, besides the checks added to a schema. */
interface ZodInternals {
  _zod: {
    def: Partial<CheckDef> & { type: string; checks?: { _zod: { def: CheckDef } }[]; catchall?: unknown; keyType?: ZodInternals };
  };
}

/**
 * Makes a JSON Schema node one that no value passes, leaving its file to zod. Its default stays: a
 * default ajv supplies is then checked, and fails too, where leaving it out would let a missing
 * value pass without the default zod would supply.
 */
function refuse(json: Json): void {
  for (const key of Object.keys(json)) if (key !== 'default') delete json[key];
  json.not = {};
}

function annotate(zodSchema: ZodInternals, json: Json): void {
  const { def } = zodSchema._zod;
  if (!EXACT_TYPES.has(def.type)) return refuse(json);
  if (def.type === 'object' && !def.catchall) return refuse(json);
  if (def.type === 'record' && def.keyType?._zod.def.type !== 'string') return refuse(json);
  const refinements: RefinementName[] = [];
  const checks = [...(def.check ? [def as CheckDef] : []), ...(def.checks ?? []).map((check) => check._zod.def)];
  for (const c of checks) {
    if (c.check === 'custom') {
      const name = refinementNames.get(c.fn);
      if (name) refinements.push(name);
      else return refuse(json);
    } else if (c.check === 'string_format') {
      if (!PATTERN_FORMATS.has(c.format ?? '') || !c.pattern || c.pattern.flags !== '') return refuse(json);
    } else if (!EXACT_CHECKS.has(c.check) || (def.type === 'string' && STRING_LENGTH_CHECKS_REFUSED.has(c.check))) return refuse(json);
  }
  if (refinements.length === 0) return;
  const keyword = def.type === 'string' ? KEYWORDS.string : def.type === 'object' || def.type === 'record' ? KEYWORDS.object : undefined;
  if (keyword) json[keyword] = refinements;
  else refuse(json);
}

/** The JSON Schema of a declaration schema, each node annotated (refinements) or refused. */
export function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => annotate(zodSchema as unknown as ZodInternals, jsonSchema as Json),
  }) as Json;
}

/** Defaults inside a union would be applied by whichever branch ajv tries, not only the one that holds. */
function refuseDefaultsInUnions(json: unknown, inUnion = false): void {
  if (Array.isArray(json)) return json.forEach((item) => refuseDefaultsInUnions(item, inUnion));
  if (typeof json !== 'object' || json === null) return;
  const node = json as Json;
  if (inUnion && 'default' in node) refuse(node);
  for (const [key, value] of Object.entries(node)) refuseDefaultsInUnions(value, inUnion || key === 'anyOf' || key === 'oneOf');
}

/**
 * ajv (8.20) skips the keywords that follow `propertyNames` on an empty object (its validity flag is
 * set only inside the loop over the names), and a refinement keyword comes last: moved into an
 * `allOf` of its own, `propertyNames` guards nothing else.
 */
function isolatePropertyNames(json: unknown): void {
  if (Array.isArray(json)) return json.forEach(isolatePropertyNames);
  if (typeof json !== 'object' || json === null) return;
  const node = json as Json;
  for (const value of Object.values(node)) isolatePropertyNames(value);
  if (!('propertyNames' in node)) return;
  node.allOf = [...((node.allOf as Json[] | undefined) ?? []), { propertyNames: node.propertyNames }];
  delete node.propertyNames;
}

/** The precheck's source: one exported function per kind of declaration file. */
export function precheckSource(): string {
  const ajv = new Ajv2020({
    code: { source: true, lines: true },
    useDefaults: true,
    unicode: false,
    unicodeRegExp: false,
    allErrors: false,
    strict: true,
    logger: false,
    formats: { email: true },
  });
  for (const [type, keyword] of Object.entries(KEYWORDS)) {
    ajv.addKeyword({
      keyword,
      type: type as keyof typeof KEYWORDS,
      schemaType: 'array',
      code(cxt: KeywordCxt) {
        for (const name of cxt.schema as RefinementName[]) {
          const fn = cxt.gen.scopeValue('func', { ref: REFINEMENTS[name], code: _`require("./refinements").REFINEMENTS[${name}]` });
          cxt.pass(_`${fn}(${cxt.data})`);
        }
      },
    });
  }
  const exports: Record<string, string> = {};
  for (const [kind, schema] of Object.entries(declarationSchemas)) {
    const json = jsonSchemaOf(schema);
    refuseDefaultsInUnions(json);
    isolatePropertyNames(json);
    ajv.addSchema({ ...json, $id: kind }, kind);
    exports[kind] = kind;
  }
  const header = '// Generated by `npm run precheck` from src/model/schemas.ts (src/model/precheck-source.ts); do not edit.\n';
  return header + standaloneCode(ajv, exports);
}
