/**
 * CIDR blocks as the firewall (NetworkPolicy ipBlock) and the ingress allowlist need them: an
 * address, a slash and a prefix length, with no host bits set.
 */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  family: 'ipv4' | 'ipv6';
  prefix: number;
  /** The canonical form, e.g. `192.0.2.0/24`. */
  text: string;
}

export type CidrResult = { cidr: Cidr } | { problem: string };

const parsed = new Map<string, CidrResult>();

/** Parses a CIDR block; memoized, since every environment and two rules look at the same ones. */
export function parseCidr(text: string): CidrResult {
  let result = parsed.get(text);
  if (!result) {
    result = parse(text);
    parsed.set(text, result);
  }
  return result;
}

function parse(text: string): CidrResult {
  if (!text.includes('/')) {
    return ipaddr.isValid(text)
      ? { problem: `is an address without a prefix length; write ${text}/${ipaddr.parse(text).kind() === 'ipv4' ? 32 : 128} for one host` }
      : { problem: 'is not a CIDR block (address/prefix, e.g. 192.0.2.0/24)' };
  }
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    // The family first: ipaddr.parseCIDR tries IPv6 and throws before trying IPv4, and a thrown error
    // costs microseconds, for every address of a catalog. Only IPv6 has colons.
    [address, prefix] = text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
  } catch {
    return { problem: 'is not a CIDR block (address/prefix, e.g. 192.0.2.0/24)' };
  }
  const family = address.kind();
  const network = family === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  const canonical = `${network.toString()}/${prefix}`;
  if (network.toString() !== address.toString()) {
    const host = `${address.toString()}/${family === 'ipv4' ? 32 : 128}`;
    return { problem: `has host bits set; write ${canonical} for the network or ${host} for the host` };
  }
  return { cidr: { family, prefix, text: canonical } };
}

/** `0.0.0.0/0` or `::/0`: every address there is. */
export function isAnyAddress(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}
