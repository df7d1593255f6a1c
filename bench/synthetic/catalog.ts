/**
 * The shared part of a synthetic repository (what `config/` declares): service domains and their
 * contracts, the regions with their care units (logical addresses), and the systems.
 */
import {
  DOMAIN_AREAS,
  DOMAIN_ASPECTS,
  DOMAINS,
  JOURNAL_PRODUCTS,
  MUNICIPAL_PRODUCTS,
  MUNICIPALITIES,
  NATIONAL_SYSTEMS,
  NOUNS,
  PLACES,
  PRIVATE_PROVIDERS,
  REGIONAL_SYSTEMS,
  REGIONS,
  UNIT_KINDS,
  VERBS,
  slug,
} from './names';
import type { Random } from './random';

export interface Contract {
  name: string;
  major: number;
  minor: number;
  /** `GetDiagnosis:2`, as connection files and installedContracts name it. */
  short: string;
}

export interface Domain {
  domain: string;
  slug: string;
  contracts: Contract[];
}

export interface Region {
  name: string;
  slug: string;
  /** The region as care giver (vårdgivare): the HSA parent of many of its units. */
  careGiver: string;
  /** Care units that connections use. */
  units: string[];
  /** Care units in the catalog that no connection uses yet (new units, for `changeOnePercent`). */
  spare: string[];
}

export interface LogicalAddress {
  hsaId: string;
  description: string;
  parent?: string;
}

export interface SystemModel {
  /** Position in the list: decides its network addresses. */
  index: number;
  slug: string;
  hsaId: string;
  name: string;
  organisation: string;
  produces: boolean;
  consumes: boolean;
  kind: 'national' | 'regional' | 'municipal' | 'private';
  /** The region whose care units a regional system serves. */
  region?: Region;
  deactivated: boolean;
}

export interface Catalog {
  domains: Domain[];
  regions: Region[];
  /** Every logical address by file: one per region, and the systems' own. */
  addressFiles: Map<string, LogicalAddress[]>;
  systems: SystemModel[];
}

const DOMAIN_COUNT = 80;

/** ~600 contracts in 80 domains; every (name, major) is unique so that short names resolve. */
function domains(rng: Random): Domain[] {
  const extra = DOMAIN_AREAS.flatMap((area) => DOMAIN_ASPECTS.map((aspect) => `clinicalprocess:${area}:${aspect}`));
  const names = rng.shuffle(VERBS.flatMap((verb) => NOUNS.map((noun) => `${verb}${noun}`)));
  let next = 0;
  return [...DOMAINS, ...extra].slice(0, DOMAIN_COUNT).map((domain) => {
    const count = rng.int(3, 12);
    const contracts = names.slice(next, next + count).map((name) => {
      const major = rng.int(1, 4);
      return { name, major, minor: rng.int(0, 3), short: `${name}:${major}` };
    });
    next += count;
    return { domain, slug: slug(domain), contracts };
  });
}

/** A 4-character HSA suffix from a number, as most care units have (`SE2321000016-15H7`). */
function suffix(n: number): string {
  return n.toString(36).toUpperCase().padStart(4, '0');
}

/** Care units per region in proportion to its size; ~5% of them spare. */
function regions(rng: Random, unitCount: number, files: Map<string, LogicalAddress[]>): Region[] {
  const total = REGIONS.reduce((sum, [, , size]) => sum + size, 0);
  return REGIONS.map(([name, org, size]) => {
    const regionSlug = slug(name);
    const careGiver = `SE${org}-${suffix(46_656 + rng.int(0, 1000))}`;
    const addresses: LogicalAddress[] = [{ hsaId: careGiver, description: `Region ${name} (vårdgivare)` }];
    const count = Math.max(20, Math.round((unitCount * size) / total));
    const start = careGiverFree(careGiver);
    const hsaIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const hsaId = `SE${org}-${suffix(start + i)}`;
      const description = `${rng.pick(UNIT_KINDS)} ${rng.pick(PLACES)} ${i + 1}, Region ${name}`;
      addresses.push({ hsaId, description, parent: rng.chance(0.5) ? careGiver : undefined });
      hsaIds.push(hsaId);
    }
    files.set(`config/logical-addresses/${regionSlug}.yaml`, addresses);
    const spare = Math.ceil(count * 0.05);
    return { name, slug: regionSlug, careGiver, units: hsaIds.slice(0, count - spare), spare: hsaIds.slice(count - spare) };
  });
}

/** Units are numbered from just past the care giver's suffix, so the two never collide. */
function careGiverFree(careGiver: string): number {
  return parseInt(careGiver.slice(-4), 36) + 1;
}

type SystemSeed = Omit<SystemModel, 'index' | 'slug' | 'deactivated'> & { slug?: string };

/** Municipal and private systems grow with the repository: a 2k-entry repository needs fewer (and fewer certificates). */
function systems(rng: Random, regionList: Region[], scale: number): SystemModel[] {
  const municipalities = MUNICIPALITIES.slice(0, Math.min(MUNICIPALITIES.length, Math.max(10, Math.round(scale * MUNICIPALITIES.length))));
  const providers = PRIVATE_PROVIDERS.slice(0, Math.min(PRIVATE_PROVIDERS.length, Math.max(5, Math.round(scale * PRIVATE_PROVIDERS.length))));
  const seeds: SystemSeed[] = [];
  NATIONAL_SYSTEMS.forEach(([name, organisation, s, produces, consumes], i) => {
    const org = organisation === 'Inera AB' ? '5565594230' : `20210${String(10_000 + i * 137).slice(0, 5)}`;
    seeds.push({ kind: 'national', slug: s, hsaId: `SE${org}-B${suffix(1300 + i).slice(1)}`, name, organisation, produces, consumes });
  });
  REGIONS.forEach(([name, org], r) => {
    const region = regionList[r];
    const organisation = `Region ${name}`;
    const journal = rng.pick(JOURNAL_PRODUCTS);
    seeds.push({ kind: 'regional', hsaId: `SE${org}-S${suffix(r * 16).slice(1)}`, name: `${organisation} ${journal}`, organisation, produces: true, consumes: true, region });
    REGIONAL_SYSTEMS.forEach(([system, , produces, consumes], k) => {
      seeds.push({ kind: 'regional', hsaId: `SE${org}-S${suffix(r * 16 + k + 1).slice(1)}`, name: `${organisation} ${system}`, organisation, produces, consumes, region });
    });
  });
  municipalities.forEach((municipality, m) => {
    const org = `2120000${String(100 + m * 7).padStart(3, '0')}`;
    const organisation = `${municipality} kommun`;
    const products = rng.shuffle(MUNICIPAL_PRODUCTS).slice(0, 2);
    products.forEach((product, k) => {
      seeds.push({ kind: 'municipal', hsaId: `SE${org}-K${suffix(k + 1).slice(1)}`, name: `${organisation} ${product}`, organisation, produces: k === 0, consumes: true });
    });
  });
  providers.forEach((provider, p) => {
    const org = `55${String(60_000_000 + p * 104_729).slice(0, 8)}`;
    seeds.push({ kind: 'private', hsaId: `SE${org}-P${suffix(p).slice(1)}`, name: `${provider} journal`, organisation: `${provider} AB`, produces: rng.chance(0.3), consumes: true });
  });
  return seeds.map((seed, index) => ({
    ...seed,
    index,
    slug: seed.slug ?? slug(seed.name),
    // A few municipal systems are retired: they stay declared, with no connections.
    deactivated: seed.kind === 'municipal' && index % 37 === 0,
  }));
}

/**
 * The shared catalog; `unitCount` care units in all (tens of thousands for the largest repositories),
 * and all municipal and private systems from `scale` 1 (a quarter of a million entries) up.
 */
export function buildCatalog(rng: Random, unitCount: number, scale: number): Catalog {
  const addressFiles = new Map<string, LogicalAddress[]>();
  const domainList = domains(rng);
  const regionList = regions(rng, unitCount, addressFiles);
  const systemList = systems(rng, regionList, scale);
  addressFiles.set(
    'config/logical-addresses/systems.yaml',
    systemList.map((s) => ({ hsaId: s.hsaId, description: s.name })),
  );
  return { domains: domainList, regions: regionList, addressFiles, systems: systemList };
}
