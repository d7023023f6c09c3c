import { BlockList, isIP } from 'node:net';

/** Address ranges a fetch must never reach: the host itself, its network, and what is not a unicast host. */
const RANGES: readonly { cidr: string; kind: AddressKind }[] = [
  { cidr: '0.0.0.0/8', kind: 'unspecified' },
  { cidr: '10.0.0.0/8', kind: 'private' },
  { cidr: '100.64.0.0/10', kind: 'cgnat' },
  { cidr: '127.0.0.0/8', kind: 'loopback' },
  { cidr: '169.254.0.0/16', kind: 'link-local' },
  { cidr: '172.16.0.0/12', kind: 'private' },
  { cidr: '192.0.0.0/24', kind: 'reserved' },
  { cidr: '192.0.2.0/24', kind: 'reserved' },
  { cidr: '192.168.0.0/16', kind: 'private' },
  { cidr: '198.18.0.0/15', kind: 'reserved' },
  { cidr: '198.51.100.0/24', kind: 'reserved' },
  { cidr: '203.0.113.0/24', kind: 'reserved' },
  { cidr: '224.0.0.0/4', kind: 'multicast' },
  { cidr: '240.0.0.0/4', kind: 'reserved' },
  { cidr: '::/128', kind: 'unspecified' },
  { cidr: '::1/128', kind: 'loopback' },
  // IPv4-compatible (deprecated) and the other embeddings of IPv4 in IPv6 that reach IPv4 hosts.
  { cidr: '::/96', kind: 'reserved' },
  { cidr: '64:ff9b::/96', kind: 'reserved' },
  { cidr: '64:ff9b:1::/48', kind: 'reserved' },
  { cidr: '100::/64', kind: 'reserved' },
  { cidr: '2001:db8::/32', kind: 'reserved' },
  { cidr: '2002::/16', kind: 'reserved' },
  { cidr: 'fc00::/7', kind: 'private' },
  { cidr: 'fe80::/10', kind: 'link-local' },
  { cidr: 'fec0::/10', kind: 'private' },
  { cidr: 'ff00::/8', kind: 'multicast' },
];

export type AddressKind = 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'unspecified' | 'reserved';

const lists = new Map<AddressKind, BlockList>();
for (const { cidr, kind } of RANGES) {
  const [network, bits] = cidr.split('/') as [string, string];
  const list = lists.get(kind) ?? new BlockList();
  list.addSubnet(network, Number(bits), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  lists.set(kind, list);
}

/** "::ffff:127.0.0.1" and "::ffff:7f00:1" → "127.0.0.1"; anything else unchanged. */
export function unmapIPv4(address: string): string {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}?:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:0{0,4}:){0,5}?:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return address;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Why the bot must not connect to this address (loopback, private, link-local such as the cloud
 * metadata service 169.254.169.254, CGNAT, multicast, unspecified, reserved), or null for a public
 * unicast address. Anything that is not an IP address is refused as 'reserved'.
 */
export function blockedAddressKind(address: string): AddressKind | null {
  const plain = unmapIPv4(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  const family = isIP(plain);
  if (family === 0) return 'reserved';
  for (const [kind, list] of lists) if (list.check(plain, family === 6 ? 'ipv6' : 'ipv4')) return kind;
  return null;
}

/** FETCH_ALLOW_HOSTS: "127.0.0.1:8080,localhost:3000" → normalized `host:port` set, or the entries that are not. */
export function parseAllowHosts(raw: string | undefined): { hosts: Set<string>; invalid: string[] } {
  const hosts = new Set<string>();
  const invalid: string[] = [];
  for (const entry of (raw ?? '').split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(entry);
    if (m && Number(m[2]) > 0 && Number(m[2]) < 65_536) hosts.add(`${m[1]!.toLowerCase()}:${Number(m[2])}`);
    else invalid.push(entry);
  }
  return { hosts, invalid };
}
