/**
 * Validation against the platform's official order schema (`jsonBestallningSchema.json`, kept
 * byte-identical to the platform's copy). The schema has documented defects; this is the ONE place
 * that works around them, by adjusting a copy of the schema before it is compiled:
 *
 * - `bestallningsTidpunkt` / `genomforandeTidpunkt` say `"type": "date"`, not a JSON Schema type (a
 *   strict validator rejects the schema itself): they become strings with the pattern the
 *   catalog's code requires, `yyyy-MM-dd'T'HH:mm:ssZ`.
 * - the `plattform` enum lists only NTJP-DEV|TEST|QA|PROD, while the catalog accepts any configured
 *   id (RTP-QA, SKLTP-TEST): any non-empty id is accepted, and it is required, as the code requires it.
 *
 * Written orders (`'written'`, the default) must otherwise meet the schema as it stands: integer
 * formatVersion and version, a string kommentar, both sections, all five fields of every vagval.
 * Orders as read (`'read'`) get the platform's leniency: formatVersion and version as numbers or
 * numeric strings, `kommentar: null`, missing or null sections and lists, and only the logical
 * address, contract and producer for an excluded vagval.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import official from './jsonBestallningSchema.json';

export type SchemaMode = 'written' | 'read';

/** `2022-05-22T12:00:01+0000` */
export const ORDER_TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}$';

type JsonObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function adjusted(mode: SchemaMode): JsonObject {
  const schema: JsonObject = JSON.parse(JSON.stringify(official));
  for (const field of ['bestallningsTidpunkt', 'genomforandeTidpunkt']) {
    schema.properties[field] = { type: 'string', pattern: ORDER_TIMESTAMP };
  }
  schema.properties.plattform = { type: 'string', minLength: 1 };
  schema.required = [...schema.required, 'plattform'];
  if (mode === 'read') lenient(schema);
  return schema;
}

/** What real orders send and the catalog accepts (see the module comment). */
function lenient(schema: JsonObject): void {
  const numeric = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*$' }] };
  schema.properties.formatVersion = numeric;
  schema.properties.version = numeric;
  schema.properties.kommentar = { type: ['string', 'null'] };
  schema.required = schema.required.filter((r: string) => r !== 'inkludera' && r !== 'exkludera');
  schema.definitions.vagvalExclude = { ...schema.definitions.vagval, required: ['logiskAdress', 'tjanstekontrakt', 'tjanstekomponent'] };
  for (const section of ['inkludera', 'exkludera']) {
    const s = schema.properties[section];
    s.type = ['object', 'null'];
    delete s.required;
    for (const list of Object.values<JsonObject>(s.properties)) list.type = ['array', 'null'];
  }
  schema.properties.exkludera.properties.vagval.items = { $ref: '#/definitions/vagvalExclude' };
  // The catalog ignores exkludera of contracts, components and addresses, but still reads them as lists.
  for (const list of ['tjanstekontrakt', 'logiskadresser', 'tjanstekomponenter']) {
    schema.properties.exkludera.properties[list] = { type: ['array', 'null'], items: { type: 'object' } };
  }
}

const compiled = new Map<SchemaMode, ValidateFunction>();

function validator(mode: SchemaMode): ValidateFunction {
  let v = compiled.get(mode);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(adjusted(mode));
    compiled.set(mode, v);
  }
  return v;
}

function describe(e: ErrorObject): string {
  const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the order';
  const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${at} ${e.message}${extra}`;
}

/** The schema violations of an order, one message each (empty when valid). */
export function validateOrderSchema(order: unknown, mode: SchemaMode = 'written'): string[] {
  const validate = validator(mode);
  if (validate(order)) return [];
  return (validate.errors ?? []).map(describe);
}
