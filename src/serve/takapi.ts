/**
 * TAK-api v2 (`/coop/api/v2`, the cooperation api the integration browser and regional scripts
 * read) over one environment, answered from the responses `tak export takapi` writes
 * (src/formats/takapi/write.ts): one connection point, the spec's query filters, `include=`, and
 * the `/{id}` lookups. Routing entries (serviceProductions) and authorizations (cooperations) are
 * indexed by each relation on first use, so a filtered query touches only its own rows.
 */
import { naturalKey } from '../model/syntax';
import { stockholmTimestamp } from '../model/days';
import { contractDeclaration } from '../import/contracts';
import type { TakTables } from '../formats/tak/tables';
import { takApiResponses } from '../formats/takapi/write';
import type { Endpoint } from '../formats/takapi/types';

/** A response item: the technical id and the entity's fields (relations are embedded items). */
export type Item = { id: number } & Record<string, unknown>;

/** A client error of the api, with the spec's Error body (`code`, `message`, `fields`). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly fields?: string,
  ) {
    super(message);
  }
}

type Relation = 'connectionPoint' | 'logicalAddress' | 'serviceContract' | 'serviceConsumer' | 'serviceProducer';
type LinkField = Exclude<Relation, 'connectionPoint'> | 'serviceDomain';
type LinkTableName = 'serviceProductions' | 'cooperations';

/** A routing entry or authorization, with the ids of what it relates. */
interface Link {
  item: Item;
  logicalAddress: number;
  serviceContract: number;
  serviceDomain?: number;
  serviceProducer?: number;
  serviceConsumer?: number;
}

/** The `…Id` query parameters and the relation each names. */
const ID_PARAMS: Record<string, Relation | 'serviceDomain'> = {
  connectionPointId: 'connectionPoint',
  logicalAddressId: 'logicalAddress',
  serviceContractId: 'serviceContract',
  serviceConsumerId: 'serviceConsumer',
  serviceProducerId: 'serviceProducer',
  serviceDomainId: 'serviceDomain',
};

interface EndpointSpec {
  /** The query parameters of the spec. */
  params: string[];
  /** Text parameters and the item field each matches (case-insensitively, as the platform matches ids). */
  text?: Record<string, string>;
  /** For routing and authorizations: the relations `include=` may name (all of them by default). */
  include?: Relation[];
  /** For entities: the rows that relate them to the others, and which relation of those rows they are. */
  links?: LinkTableName[];
  self?: Relation;
}

const SERVED = ['connectionPoints', 'serviceConsumers', 'serviceProducers', 'serviceContracts', 'serviceDomains', 'logicalAddresses', 'cooperations', 'serviceProductions', 'installedContracts'] as const;

const SPECS: Record<(typeof SERVED)[number], EndpointSpec> = {
  connectionPoints: {
    params: ['platform', 'environment', 'serviceConsumerId', 'logicalAddressId', 'serviceContractId', 'serviceProducerId'],
    text: { platform: 'platform', environment: 'environment' },
    links: ['serviceProductions', 'cooperations'],
    self: 'connectionPoint',
  },
  serviceConsumers: { params: ['connectionPointId', 'logicalAddressId', 'serviceContractId', 'serviceProducerId'], links: ['cooperations'], self: 'serviceConsumer' },
  serviceProducers: {
    params: ['hsaId', 'connectionPointId', 'logicalAddressId', 'serviceContractId', 'serviceConsumerId'],
    text: { hsaId: 'hsaId' },
    links: ['serviceProductions'],
    self: 'serviceProducer',
  },
  serviceContracts: {
    params: ['namespace', 'connectionPointId', 'logicalAddressId', 'serviceProducerId', 'serviceConsumerId', 'serviceDomainId'],
    text: { namespace: 'namespace' },
    links: ['serviceProductions', 'cooperations'],
    self: 'serviceContract',
  },
  serviceDomains: { params: ['namespace'], text: { namespace: 'namespace' } },
  logicalAddresses: {
    // The spec spells the parameter `logicalAdress`.
    params: ['logicalAdress', 'connectionPointId', 'serviceProducerId', 'serviceContractId', 'serviceConsumerId'],
    text: { logicalAdress: 'logicalAddress' },
    links: ['serviceProductions', 'cooperations'],
    self: 'logicalAddress',
  },
  cooperations: {
    params: ['connectionPointId', 'logicalAddressId', 'serviceContractId', 'serviceConsumerId', 'serviceDomainId', 'include'],
    include: ['connectionPoint', 'logicalAddress', 'serviceContract', 'serviceConsumer'],
  },
  serviceProductions: {
    params: ['physicalAddress', 'rivtaProfile', 'connectionPointId', 'logicalAddressId', 'serviceContractId', 'serviceProducerId', 'serviceDomainId', 'include'],
    text: { physicalAddress: 'physicalAddress', rivtaProfile: 'rivtaProfile' },
    include: ['connectionPoint', 'logicalAddress', 'serviceContract', 'serviceProducer'],
  },
  installedContracts: { params: ['connectionPointId', 'serviceContractId', 'serviceDomainId'] },
};

/** The endpoints served, for routing and messages. */
export const API_ENDPOINTS: readonly string[] = SERVED;

export type ApiLists = Map<Endpoint, Item[]>;

export interface TakApiInput {
  platform: string;
  snapshotTime: Date;
  installed?: string[];
}

export class TakApi {
  private readonly byId = new Map<Endpoint, Map<number, Item>>();
  private readonly links: Record<LinkTableName, LinkTable>;
  private readonly domainOfContract = new Map<number, number>();
  readonly connectionPoint: Item;

  /** The api's lists of one environment (plain data: they are made where the state was read). */
  static lists(tables: TakTables, input: TakApiInput): ApiLists {
    return takApiResponses(tables, { platform: input.platform, snapshotTime: stockholmTimestamp(input.snapshotTime), installed: input.installed }) as ApiLists;
  }

  constructor(private readonly lists: ApiLists) {
    this.connectionPoint = this.lists.get('connectionPoints')![0];
    const domains = new Map(this.list('serviceDomains').map((d) => [d.name as string, d.id]));
    for (const c of this.list('serviceContracts')) {
      const domain = domains.get(contractDeclaration({ namespace: c.namespace as string, description: '', major: Number(c.major ?? 0), minor: 0 }).domain);
      if (domain !== undefined) this.domainOfContract.set(c.id, domain);
    }
    const link = (item: Item): Link => {
      const contract = relationId(item, 'serviceContract')!;
      return {
        item,
        logicalAddress: relationId(item, 'logicalAddress')!,
        serviceContract: contract,
        serviceDomain: this.domainOfContract.get(contract),
        serviceProducer: relationId(item, 'serviceProducer'),
        serviceConsumer: relationId(item, 'serviceConsumer'),
      };
    };
    this.links = {
      serviceProductions: new LinkTable(this.list('serviceProductions').map(link)),
      cooperations: new LinkTable(this.list('cooperations').map(link)),
    };
  }

  /** The answer to `GET /<endpoint>[/<id>]?<params>`: a list, or one item; an ApiError when the request is wrong. */
  answer(endpoint: string, id: string | undefined, params: URLSearchParams): Item[] | Item {
    if (!(SERVED as readonly string[]).includes(endpoint)) {
      throw new ApiError(404, `there is no endpoint ${endpoint}; the api has ${SERVED.join(', ')}`);
    }
    const name = endpoint as (typeof SERVED)[number];
    if (id !== undefined) return this.one(name, id, params);
    const query = readParams(SPECS[name], params);
    if (query.ids.connectionPoint !== undefined && query.ids.connectionPoint !== this.connectionPoint.id) return [];
    const spec = SPECS[name];
    if (spec.include) return this.linkRows(name as LinkTableName, query).map((l) => withRelations(l.item, query.include));
    return this.entities(name, spec, query);
  }

  private one(name: (typeof SERVED)[number], id: string, params: URLSearchParams): Item {
    const unknown = [...params.keys()];
    if (unknown.length) throw new ApiError(400, `${name}/{id} takes no query parameters (got ${unknown.join(', ')})`, unknown.join(','));
    const key = technicalId(id, 'id');
    let index = this.byId.get(name);
    if (!index) this.byId.set(name, (index = new Map(this.list(name).map((item) => [item.id, item]))));
    const item = index.get(key);
    if (!item) throw new ApiError(404, `${name} has no item with id ${key}`);
    return item;
  }

  private list(name: Endpoint): Item[] {
    return this.lists.get(name) ?? [];
  }

  private linkRows(name: LinkTableName, query: Query): Link[] {
    const table = this.links[name];
    const filters = linkFilters(query);
    const text = textFilters(SPECS[name], query);
    return table.matching(filters).filter((l) => text.every(([field, value]) => lower(l.item[field]) === value));
  }

  private entities(name: (typeof SERVED)[number], spec: EndpointSpec, query: Query): Item[] {
    let items = this.list(name);
    const related = spec.self ? this.relatedIds(spec, query) : undefined;
    if (related) items = items.filter((item) => related.has(spec.self === 'connectionPoint' ? 0 : item.id));
    const domain = query.ids.serviceDomain;
    if (domain !== undefined) items = items.filter((item) => this.domainOfContract.get(name === 'installedContracts' ? relationId(item, 'serviceContract')! : item.id) === domain);
    const contract = name === 'installedContracts' ? query.ids.serviceContract : undefined;
    if (contract !== undefined) items = items.filter((item) => relationId(item, 'serviceContract') === contract);
    const text = textFilters(spec, query);
    return items.filter((item) => text.every(([field, value]) => lower(item[field]) === value));
  }

  /**
   * The ids of the entities related to the filters' entities through routing or authorizations
   * (undefined when no relation is filtered). A producer and a consumer are related when the
   * consumer may call the producer: an authorization and a routing entry for the same logical
   * address and contract. The connection point, the only one, is id 0 here.
   */
  private relatedIds(spec: EndpointSpec, query: Query): Set<number> | undefined {
    const filters = linkFilters(query).filter(([field]) => !(field === 'serviceDomain' && spec.self === 'serviceContract'));
    if (filters.length === 0) return undefined;
    const ids = new Set<number>();
    for (const name of spec.links!) {
      const other = name === 'serviceProductions' ? 'serviceConsumer' : 'serviceProducer';
      const direct = filters.filter(([field]) => field !== other);
      const across = filters.find(([field]) => field === other);
      let rows = this.links[name].matching(direct);
      if (across) {
        const pairs = new Set(this.links[name === 'serviceProductions' ? 'cooperations' : 'serviceProductions'].matching([across]).map(pairKey));
        rows = rows.filter((l) => pairs.has(pairKey(l)));
      }
      for (const l of rows) ids.add(spec.self === 'connectionPoint' ? 0 : (l[spec.self as LinkField] as number));
    }
    return ids;
  }
}

const pairKey = (l: Link) => `${l.logicalAddress}|${l.serviceContract}`;
const lower = (v: unknown) => (typeof v === 'string' ? naturalKey(v) : undefined);

function relationId(item: Item, relation: Relation): number | undefined {
  const value = item[relation] as Item | undefined;
  return value?.id;
}

/** A routing entry or authorization with only the relations `include` names (the others are left out, as the api does). */
function withRelations(item: Item, include: Set<Relation>): Item {
  const out: Item = { id: item.id };
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id') continue;
    if (value && typeof value === 'object' && !include.has(key as Relation)) continue;
    out[key] = value;
  }
  return out;
}

class LinkTable {
  private readonly indexes = new Map<LinkField, Map<number, Link[]>>();

  constructor(readonly rows: Link[]) {}

  /** The rows whose relations have the given ids: from the smallest index bucket, checked against the rest. */
  matching(filters: [LinkField, number][]): Link[] {
    if (filters.length === 0) return this.rows;
    const buckets = filters.map(([field, id]) => this.index(field).get(id) ?? []);
    const smallest = buckets.reduce((a, b) => (b.length < a.length ? b : a));
    return smallest.filter((l) => filters.every(([field, id]) => l[field] === id));
  }

  private index(field: LinkField): Map<number, Link[]> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const l of this.rows) {
        const id = l[field];
        if (id === undefined) continue;
        const bucket = index.get(id);
        if (bucket) bucket.push(l);
        else index.set(id, [l]);
      }
      this.indexes.set(field, index);
    }
    return index;
  }
}

interface Query {
  ids: Partial<Record<Relation | 'serviceDomain', number>>;
  text: Map<string, string>;
  include: Set<Relation>;
}

/** The query's parameters, refusing any the spec does not give this endpoint and ids that are not numbers. */
function readParams(spec: EndpointSpec, params: URLSearchParams): Query {
  const query: Query = { ids: {}, text: new Map(), include: new Set(spec.include) };
  for (const name of new Set(params.keys())) {
    if (!spec.params.includes(name)) {
      throw new ApiError(400, `unknown query parameter ${name}; this endpoint takes ${spec.params.join(', ')}`, name);
    }
    const values = params.getAll(name);
    if (values.length > 1) throw new ApiError(400, `query parameter ${name} is given ${values.length} times; give it once`, name);
    const value = values[0];
    if (name === 'include') query.include = readInclude(spec.include!, value);
    else if (name in ID_PARAMS) query.ids[ID_PARAMS[name]] = technicalId(value, name);
    else query.text.set(name, naturalKey(value));
  }
  return query;
}

function readInclude(allowed: Relation[], value: string): Set<Relation> {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = names.filter((n) => !allowed.includes(n as Relation));
  if (wrong.length) throw new ApiError(400, `include names ${wrong.join(', ')}, which this endpoint does not have; it has ${allowed.join(', ')}`, 'include');
  return new Set(names as Relation[]);
}

function technicalId(value: string, name: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new ApiError(400, `${name} must be a technical id (a whole number), not "${value}"`, name);
  return Number(value);
}

function linkFilters(query: Query): [LinkField, number][] {
  return Object.entries(query.ids).filter(([field]) => field !== 'connectionPoint') as [LinkField, number][];
}

function textFilters(spec: EndpointSpec, query: Query): [string, string][] {
  return [...query.text].map(([name, value]) => [spec.text![name], value]);
}
