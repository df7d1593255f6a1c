import { isAnyAddress, parseCidr } from './cidr';

describe('parseCidr', () => {
  it('accepts IPv4 and IPv6 blocks and tells the any-address', () => {
    expect(parseCidr('192.0.2.0/24')).toEqual({ cidr: { family: 'ipv4', prefix: 24, text: '192.0.2.0/24' } });
    expect(parseCidr('2001:db8::/32')).toEqual({ cidr: { family: 'ipv6', prefix: 32, text: '2001:db8::/32' } });
    const any = ['0.0.0.0/0', '::/0'].map(parseCidr).map((r) => 'cidr' in r && isAnyAddress(r.cidr));
    expect(any).toEqual([true, true]);
  });

  it('explains what is wrong', () => {
    expect(parseCidr('192.0.2.10')).toEqual({ problem: 'is an address without a prefix length; write 192.0.2.10/32 for one host' });
    expect(parseCidr('192.0.2.10/24')).toEqual({ problem: 'has host bits set; write 192.0.2.0/24 for the network or 192.0.2.10/32 for the host' });
    expect(parseCidr('192.0.2.0/33')).toHaveProperty('problem');
    expect(parseCidr('300.0.0.0/8')).toHaveProperty('problem');
    expect(parseCidr('intranet')).toHaveProperty('problem');
  });
});
