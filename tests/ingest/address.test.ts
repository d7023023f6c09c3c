import { describe, expect, it } from 'vitest';
import { blockedAddressKind, parseAllowHosts, unmapIPv4 } from '../../src/ingest/address.ts';

describe('blockedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.5.6.7', 'loopback'],
    ['10.0.0.8', 'private'],
    ['172.20.1.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'private'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:10.0.0.1', 'private'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(blockedAddressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '100.128.0.1', '203.0.114.1', '2606:4700:4700::1111', '::ffff:8.8.4.4'])('lets public %s through', (address) => {
    expect(blockedAddressKind(address)).toBeNull();
  });

  it('refuses what is not an address at all', () => {
    expect(blockedAddressKind('localhost')).toBe('reserved');
  });

  it('unmaps IPv4-mapped IPv6 in both notations', () => {
    expect(unmapIPv4('::ffff:192.168.0.1')).toBe('192.168.0.1');
    expect(unmapIPv4('::FFFF:c0a8:1')).toBe('192.168.0.1');
    expect(unmapIPv4('2001:db8::1')).toBe('2001:db8::1');
  });
});

describe('parseAllowHosts', () => {
  it('reads host:port pairs and names the entries that are not', () => {
    expect(parseAllowHosts(' 127.0.0.1:8080, Localhost:3000 ,,[::1]:9000')).toEqual({
      hosts: new Set(['127.0.0.1:8080', 'localhost:3000', '[::1]:9000']),
      invalid: [],
    });
    expect(parseAllowHosts('example.com,127.0.0.1:0').invalid).toEqual(['example.com', '127.0.0.1:0']);
    expect(parseAllowHosts(undefined).hosts.size).toBe(0);
  });
});
