/**
 * The connections of a synthetic repository: a few mass connections (a region's journal system
 * producing a domain's contracts for thousands of its care units, read by national services) and
 * many small ones. Every connection authorizes exactly what it routes, and no (contract, logical
 * address) is routed twice, so the repository is compliant with the consistency and uniqueness rules.
 */
import type { Catalog, Contract, Domain, Region, SystemModel } from './catalog';
import type { Random } from './random';

export interface Approval {
  ref: string;
  approved: string;
}

export interface ConnectionModel {
  /** Path below `environments/<env>/`. */
  file: string;
  description: string;
  producer: SystemModel;
  profile: 'RIVTABP20' | 'RIVTABP21';
  domain: Domain;
  contracts: Contract[];
  addresses: string[];
  consumers: SystemModel[];
  validFrom?: string;
  prestudy: Approval;
  selfDeclaration: Approval;
  endToEnd: Approval;
  /** How many of the contracts (from the first) have moved endpoints (`changeOnePercent`). */
  movedEndpoints: number;
  /** How many addresses (from the last) the last consumer is no longer authorized for (`changeOnePercent`). */
  revokedAddresses: number;
  mass: boolean;
  /** For mass connections: the region whose units are connected. */
  region?: Region;
}

/** Expanded entries of one connection in one environment: routing plus authorizations. */
export function entriesOf(c: ConnectionModel): number {
  return c.contracts.length * c.addresses.length * (1 + c.consumers.length);
}

/** Which (domain, logical address) pairs are taken: a connection owns its domain at its addresses. */
class Allocation {
  private used = new Set<string>();

  free(domain: Domain, address: string): boolean {
    return !this.used.has(`${domain.slug}|${address}`);
  }

  take(domain: Domain, addresses: string[]): void {
    for (const a of addresses) this.used.add(`${domain.slug}|${a}`);
  }
}

class Builder {
  readonly connections: ConnectionModel[] = [];
  total = 0;
  private allocation = new Allocation();
  private serial = 0;
  private producers: SystemModel[];
  private consumers: SystemModel[];
  private nationalConsumers: SystemModel[];

  constructor(private rng: Random, private catalog: Catalog) {
    const active = catalog.systems.filter((s) => !s.deactivated);
    this.producers = active.filter((s) => s.produces);
    this.consumers = active.filter((s) => s.consumes);
    this.nationalConsumers = this.consumers.filter((s) => s.kind === 'national');
  }

  /** Mass connections until `budget` entries: whole regions for one domain at a time. */
  mass(budget: number): void {
    const weights = this.catalog.regions.map((r) => r.units.length);
    const tried = new Set<string>();
    for (let attempt = 0; attempt < 5000 && this.total < budget; attempt++) {
      const region = this.catalog.regions[this.rng.weighted(weights)];
      const domain = this.rng.pick(this.catalog.domains.filter((d) => d.contracts.length >= 3));
      const pair = `${domain.slug}|${region.slug}`;
      if (tried.has(pair)) continue;
      tried.add(pair);
      const k = this.rng.int(3, Math.min(6, domain.contracts.length));
      const consumers = this.rng.shuffle(this.nationalConsumers).slice(0, this.rng.int(1, 2));
      // Thousands of care units at most: a mass order covers a region's units, not the country's.
      const count = Math.min(this.rng.int(1000, 5000), Math.floor((budget - this.total) / (k * (1 + consumers.length))));
      const addresses = this.freeUnits(domain, region, count);
      if (addresses.length < 20) continue;
      const producer = this.rng.pick(this.producers.filter((s) => s.region === region));
      this.add({ domain, producer, consumers, contracts: this.rng.shuffle(domain.contracts).slice(0, k), addresses, mass: true, region });
    }
  }

  /** Small connections (a system, a few contracts, a few addresses) until `budget` entries. */
  small(budget: number): void {
    for (let attempt = 0; attempt < 1_000_000 && this.total < budget; attempt++) {
      const domain = this.rng.pick(this.catalog.domains);
      const producer = this.rng.pick(this.producers);
      const consumers = this.rng.shuffle(this.consumers.filter((s) => s !== producer)).slice(0, this.rng.int(1, 3));
      let k = this.rng.int(1, Math.min(6, domain.contracts.length));
      let count = this.rng.pick([1, 1, 2, 2, 3, 3, 5, 8, 12, 20, 40]);
      const remaining = budget - this.total;
      if (k * count * (1 + consumers.length) > remaining) {
        count = Math.floor(remaining / (k * (1 + consumers.length)));
        if (count === 0) [k, count] = [1, Math.floor(remaining / (1 + consumers.length))];
        if (count === 0) break;
      }
      const addresses = this.pickAddresses(domain, producer, count);
      if (addresses.length === 0) continue;
      const contracts = this.rng.shuffle(domain.contracts).slice(0, k);
      this.add({ domain, producer, consumers, contracts, addresses, mass: false });
    }
  }

  /** The first `count` units of the region that are not yet routed for the domain. */
  private freeUnits(domain: Domain, region: Region, count: number): string[] {
    const out: string[] = [];
    for (const unit of region.units) {
      if (out.length >= count) break;
      if (this.allocation.free(domain, unit)) out.push(unit);
    }
    return out;
  }

  /** The producer's own address (national services answer for themselves) or units of its region. */
  private pickAddresses(domain: Domain, producer: SystemModel, count: number): string[] {
    const out = new Set<string>();
    if (!producer.region && this.allocation.free(domain, producer.hsaId)) out.add(producer.hsaId);
    const region = producer.region ?? this.rng.pick(this.catalog.regions);
    for (let tries = 0; out.size < count && tries < count * 20; tries++) {
      const unit = this.rng.pick(region.units);
      if (this.allocation.free(domain, unit)) out.add(unit);
    }
    return [...out];
  }

  private add(c: Pick<ConnectionModel, 'domain' | 'producer' | 'consumers' | 'contracts' | 'addresses' | 'mass' | 'region'>): void {
    const n = ++this.serial;
    const year = 2025;
    const month = String(1 + (n % 9)).padStart(2, '0');
    const ref = String(n).padStart(5, '0');
    const who = c.mass ? c.region!.slug : c.consumers[0].slug;
    const connection: ConnectionModel = {
      ...c,
      file: `connections/${c.domain.slug}/${who}-${c.producer.slug}-${n}.yaml`,
      description: describe(c),
      profile: this.rng.chance(0.1) ? 'RIVTABP20' : 'RIVTABP21',
      validFrom: !c.mass && this.rng.chance(0.1) ? `${year}-${month}-15` : undefined,
      prestudy: { ref: `FS-${year}-${ref}`, approved: `${year}-${month}-01` },
      selfDeclaration: { ref: `SD-${year}-${ref}`, approved: `${year}-${month}-10` },
      endToEnd: { ref: `E2E-${year}-${ref}`, approved: `${year}-${month}-20` },
      movedEndpoints: 0,
      revokedAddresses: 0,
    };
    this.allocation.take(c.domain, c.addresses);
    this.connections.push(connection);
    this.total += entriesOf(connection);
  }
}

function describe(c: Pick<ConnectionModel, 'domain' | 'producer' | 'consumers' | 'addresses' | 'mass'>): string {
  const readers = c.consumers.map((s) => s.name).join(', ');
  const where = c.addresses.length === 1 ? 'one logical address' : `${c.addresses.length.toLocaleString('en')} logical addresses`;
  return `${c.producer.name} produces ${c.domain.domain} for ${where}; called by ${readers}`;
}

/** Connections whose expanded entries in one environment add up to `perEnvironment` (three quarters in mass connections). */
export function buildConnections(rng: Random, catalog: Catalog, perEnvironment: number): ConnectionModel[] {
  const builder = new Builder(rng, catalog);
  builder.mass(Math.round(perEnvironment * 0.75));
  builder.small(perEnvironment);
  return builder.connections;
}
