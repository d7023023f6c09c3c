import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { Agent, buildConnector, fetch, type Dispatcher } from 'undici';
import { blockedAddressKind, type AddressKind } from './address.ts';
import { INGEST_PARAMS, type IngestParams } from './params.ts';

/** Why a fetch gave nothing: typed, so the bot and the CLI word it. */
export type FetchProblem =
  | { kind: 'bad-url' }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'host-not-allowed'; host: string }
  | { kind: 'blocked-address'; host: string; address: string; addressKind: AddressKind }
  | { kind: 'dns'; host: string }
  | { kind: 'too-many-redirects'; max: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'too-large'; max: number }
  | { kind: 'wrong-type'; contentType: string } // '' when the server names none
  | { kind: 'http-status'; status: number }
  | { kind: 'network'; detail: string };

export interface Fetched {
  /** The url finally read, after redirects. */
  url: string;
  /** Media type without parameters, lowercased ("text/html"); empty when the server sent none. */
  contentType: string;
  /** Charset the server named, if any. */
  charset: string | null;
  bytes: Uint8Array;
}

export type FetchOutcome = { ok: true; page: Fetched } | { ok: false; problem: FetchProblem };

export interface FetchRules {
  /** `host:port` pairs let through whatever they resolve to (FETCH_ALLOW_HOSTS, for tests). */
  allowHosts: ReadonlySet<string>;
  /** When set, only these host names (and `allowHosts`) may be asked at all: attachments come from Discord's CDN. */
  onlyHosts?: ReadonlySet<string>;
  /** Media types accepted (without parameters); any when unset. */
  contentTypes?: ReadonlySet<string>;
  params?: Partial<IngestParams>;
}

function hostPort(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** A refusal raised inside the connection machinery, carried out through undici's "fetch failed". */
class Refused extends Error {
  constructor(readonly problem: FetchProblem) {
    super(`refused: ${problem.kind}`);
  }
}

/**
 * Resolves the host and checks every address it has before any connection is made; a host with
 * one private address among public ones is refused whole (DNS answers can rotate).
 */
function guardedLookup(allowedNames: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowedNames.has(hostname.toLowerCase())) {
        for (const { address } of addresses) {
          const kind = blockedAddressKind(address);
          if (kind) return callback(new Refused({ kind: 'blocked-address', host: hostname, address, addressKind: kind }), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici dispatcher whose every connection is checked twice: at name resolution (above), and
 * on the socket actually connected, so a host that resolves differently the second time (DNS
 * rebinding), or an IP literal that never went through resolution, is still caught.
 */
function guardedAgent(allowHosts: ReadonlySet<string>): Dispatcher {
  const allowedNames = new Set([...allowHosts].map((hp) => hp.slice(0, hp.lastIndexOf(':')).replace(/^\[|\]$/g, '')));
  const connect = buildConnector({ lookup: guardedLookup(allowedNames) } as buildConnector.BuildOptions);
  return new Agent({
    connect: (options, callback) => {
      connect(options, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error('no socket'), null);
        const port = options.port || (options.protocol === 'https:' ? '443' : '80');
        const address = (socket as Socket).remoteAddress ?? '';
        const kind = allowHosts.has(`${options.hostname.toLowerCase()}:${port}`) ? null : blockedAddressKind(address);
        if (!kind) return callback(null, socket);
        socket.destroy();
        callback(new Refused({ kind: 'blocked-address', host: options.hostname, address, addressKind: kind }), null);
      });
    },
  });
}

/** Checks a url before asking for it: scheme, allowed hosts, and an IP literal's address. */
function preflight(url: URL, rules: FetchRules): FetchProblem | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'scheme', scheme: url.protocol.replace(/:$/, '') };
  const allowed = rules.allowHosts.has(hostPort(url));
  if (rules.onlyHosts && !allowed && !rules.onlyHosts.has(url.hostname.toLowerCase()))
    return { kind: 'host-not-allowed', host: url.hostname };
  if (url.username !== '' || url.password !== '') return { kind: 'bad-url' };
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isIP(bare) !== 0) {
    const kind = blockedAddressKind(bare);
    if (kind) return { kind: 'blocked-address', host: url.hostname, address: bare, addressKind: kind };
  }
  return null;
}

function problemOf(error: unknown, params: IngestParams, host: string): FetchProblem {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof Refused) return cause.problem;
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return { kind: 'timeout', ms: params.timeoutMs };
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', host };
  }
  const root = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return { kind: 'network', detail: root };
}

/** Reads a body to its end, refusing (and stopping the download) past `max` bytes. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max) {
      await body.cancel().catch(() => {});
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GET a page or an attachment with undici's fetch, safely: http(s) only, every hop checked
 * (scheme, host, every resolved address, the connected address), at most `maxRedirects`
 * redirects, one timeout for the whole, the body capped while it streams, the media type checked
 * before the body is read.
 */
export async function fetchSafely(raw: string, rules: FetchRules): Promise<FetchOutcome> {
  const params: IngestParams = { ...INGEST_PARAMS, ...rules.params };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: { kind: 'bad-url' } };
  }
  const dispatcher = guardedAgent(rules.allowHosts);
  const signal = AbortSignal.timeout(params.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const refused = preflight(url, rules);
      if (refused) return { ok: false, problem: refused };
      let response;
      try {
        response = await fetch(url, {
          dispatcher,
          signal,
          redirect: 'manual',
          headers: { 'user-agent': params.userAgent, accept: 'text/html, text/plain;q=0.9, */*;q=0.1' },
        });
      } catch (error) {
        return { ok: false, problem: problemOf(error, params, url.hostname) };
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel().catch(() => {});
        if (redirects >= params.maxRedirects) return { ok: false, problem: { kind: 'too-many-redirects', max: params.maxRedirects } };
        try {
          url = new URL(location, url);
        } catch {
          return { ok: false, problem: { kind: 'bad-url' } };
        }
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, problem: { kind: 'http-status', status: response.status } };
      }
      const [type = '', ...typeParams] = (response.headers.get('content-type') ?? '').split(';').map((p) => p.trim());
      const contentType = type.toLowerCase();
      if (rules.contentTypes && !rules.contentTypes.has(contentType)) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, problem: { kind: 'wrong-type', contentType } };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > params.maxBytes) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, problem: { kind: 'too-large', max: params.maxBytes } };
      }
      let bytes: Uint8Array | null;
      try {
        bytes = await readCapped(response.body as ReadableStream<Uint8Array> | null, params.maxBytes);
      } catch (error) {
        return { ok: false, problem: problemOf(error, params, url.hostname) };
      }
      if (bytes === null) return { ok: false, problem: { kind: 'too-large', max: params.maxBytes } };
      const charset = typeParams.map((p) => /^charset=["']?([\w-]+)/i.exec(p)?.[1]).find((c) => c !== undefined) ?? null;
      return { ok: true, page: { url: url.href, contentType, charset: charset?.toLowerCase() ?? null, bytes } };
    }
  } finally {
    void dispatcher.close().catch(() => {});
  }
}
