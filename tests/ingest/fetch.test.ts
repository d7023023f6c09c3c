// The safe fetch against a local news site: limits, types, redirects, and every refusal of a private address.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSafely, type FetchRules } from '../../src/ingest/fetch.ts';
import { startNewsSite, type NewsSite } from './news-site.ts';

let site: NewsSite;
let rules: FetchRules;
beforeAll(async () => {
  site = await startNewsSite();
  rules = { allowHosts: new Set([site.hostPort]) };
});
afterAll(() => site.close());

/** A server on 127.0.0.1 that redirects every request to `location`. */
async function redirecting(location: string): Promise<{ hop: Server; port: number }> {
  const hop = createServer((_, res) => {
    res.writeHead(302, { location });
    res.end();
  });
  await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
  return { hop, port: (hop.address() as AddressInfo).port };
}

describe('fetchSafely on an allowed test host', () => {
  it('reads a page with its type, charset and final url, naming the bot in its User-Agent', async () => {
    let agent = '';
    const probe: Server = createServer((req, res) => {
      agent = req.headers['user-agent'] ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      res.end('<p>ok</p>');
    });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    const outcome = await fetchSafely(`http://127.0.0.1:${port}/`, { allowHosts: new Set([`127.0.0.1:${port}`]) });
    probe.close();
    expect(outcome.ok && outcome.page).toMatchObject({ contentType: 'text/html', charset: 'utf-8', url: `http://127.0.0.1:${port}/` });
    expect(agent).toMatch(/^KlipingBot\//);
  });

  it('follows a chain of 5 redirects (relative and absolute), re-checking each hop', async () => {
    const outcome = await fetchSafely(`${site.origin}/r/5`, rules);
    expect(outcome.ok && outcome.page.url).toBe(`${site.origin}/jsonld`);
  });

  it('refuses a sixth redirect', async () => {
    const outcome = await fetchSafely(`${site.origin}/r/6`, rules);
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'too-many-redirects', max: 5 });
  });

  it('stops reading a page over 5 MB while it streams', async () => {
    const outcome = await fetchSafely(`${site.origin}/besar`, rules);
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'too-large', max: 5 * 1024 * 1024 });
  });

  it('refuses a media type it was not asked for, before reading the body', async () => {
    const outcome = await fetchSafely(`${site.origin}/pdf`, { ...rules, contentTypes: new Set(['text/html', 'text/plain']) });
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'wrong-type', contentType: 'application/pdf' });
  });

  it('reports an HTTP error status', async () => {
    const outcome = await fetchSafely(`${site.origin}/tidak-ada`, rules);
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'http-status', status: 404 });
  });

  it('times out a server that never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const outcome = await fetchSafely(`http://127.0.0.1:${port}/`, {
      allowHosts: new Set([`127.0.0.1:${port}`]),
      params: { timeoutMs: 300 },
    });
    silent.closeAllConnections();
    silent.close();
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'timeout', ms: 300 });
  });
});

describe('fetchSafely refuses', () => {
  it.each(['ftp://example.com/a', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi'])(
    'a non-http(s) url: %s',
    async (url) => {
      const outcome = await fetchSafely(url, { allowHosts: new Set() });
      expect(!outcome.ok && outcome.problem.kind).toBe('scheme');
    },
  );

  it('the same local server when its host:port is not allowed (loopback)', async () => {
    const outcome = await fetchSafely(`${site.origin}/jsonld`, { allowHosts: new Set() });
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', addressKind: 'loopback' });
    expect(site.requests).not.toContain('/jsonld?never');
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://10.0.0.1/', 'private'],
    ['http://100.64.1.1/', 'cgnat'],
    ['http://[::1]:80/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://2130706433/', 'loopback'], // 127.0.0.1 written as one number
  ])('an address literal it must not reach: %s', async (url, kind) => {
    const outcome = await fetchSafely(url, { allowHosts: new Set() });
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', addressKind: kind });
  });

  it('a host name that resolves to a private address (localhost), before connecting', async () => {
    const port = site.hostPort.split(':')[1];
    const before = site.requests.length;
    const outcome = await fetchSafely(`http://localhost:${port}/jsonld`, { allowHosts: new Set() });
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', host: 'localhost', addressKind: 'loopback' });
    expect(site.requests.length).toBe(before);
  });

  it('the address actually connected, even when name resolution let the host through (DNS rebinding)', async () => {
    // "localhost" passes resolution here (it is named in the allow list, on another port), so only the check
    // of the connected socket's address stands between the fetch and the loopback server.
    const port = site.hostPort.split(':')[1];
    const before = site.requests.length;
    const outcome = await fetchSafely(`http://localhost:${port}/jsonld`, { allowHosts: new Set(['localhost:1']) });
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', host: 'localhost', addressKind: 'loopback' });
    expect(site.requests.length).toBe(before);
  });

  it('a redirect from an allowed host to a private address', async () => {
    const { hop, port } = await redirecting('http://169.254.169.254/latest/meta-data/');
    const outcome = await fetchSafely(`http://127.0.0.1:${port}/`, { allowHosts: new Set([`127.0.0.1:${port}`]) });
    hop.close();
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', address: '169.254.169.254' });
  });

  it('a redirect from an allowed host to another port of the same machine (only host:port pairs are allowed)', async () => {
    const { hop, port } = await redirecting(`${site.origin}/jsonld`);
    const outcome = await fetchSafely(`http://127.0.0.1:${port}/`, { allowHosts: new Set([`127.0.0.1:${port}`]) });
    hop.close();
    expect(!outcome.ok && outcome.problem).toMatchObject({ kind: 'blocked-address', addressKind: 'loopback' });
  });

  it('an attachment host other than the Discord CDN or an allowed one', async () => {
    const outcome = await fetchSafely('https://example.com/berkas.txt', {
      allowHosts: new Set(),
      onlyHosts: new Set(['cdn.discordapp.com', 'media.discordapp.net']),
    });
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'host-not-allowed', host: 'example.com' });
  });
});
