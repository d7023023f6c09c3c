import { open } from 'node:fs/promises';
import { ACCEPTED_EXTENSIONS, candidateFromFile, candidateFromPage, extensionOf, type Candidate, type ReadProblem } from './candidate.ts';
import { fetchSafely, type FetchProblem } from './fetch.ts';
import { INGEST_PARAMS, type IngestParams } from './params.ts';

/** Where Discord serves attachments: the only hosts an attachment is downloaded from (besides FETCH_ALLOW_HOSTS). */
export const DISCORD_CDN_HOSTS: ReadonlySet<string> = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/** Media types a news page may have. */
const PAGE_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

export type IntakeProblem = FetchProblem | ReadProblem;
export type IntakeOutcome = { ok: true; candidate: Candidate } | { ok: false; problem: IntakeProblem };

export interface IntakeOptions {
  /** `host:port` pairs let through whatever they resolve to (FETCH_ALLOW_HOSTS). */
  allowHosts: ReadonlySet<string>;
  params?: Partial<IngestParams>;
}

/** A news page by its url: fetched safely, read, cleaned; nothing is saved. */
export async function readUrl(url: string, opts: IntakeOptions): Promise<IntakeOutcome> {
  const fetched = await fetchSafely(url, {
    allowHosts: opts.allowHosts,
    contentTypes: PAGE_TYPES,
    ...(opts.params && { params: opts.params }),
  });
  if (!fetched.ok) return fetched;
  return candidateFromPage(fetched.page, { kind: 'url', url: fetched.page.url });
}

/** A Discord attachment: its type by name and size are checked before anything is downloaded, and only from Discord's CDN. */
export async function readAttachment(attachment: { url: string; name: string; size: number }, opts: IntakeOptions): Promise<IntakeOutcome> {
  const maxBytes = opts.params?.maxBytes ?? INGEST_PARAMS.maxBytes;
  const ext = extensionOf(attachment.name);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) return { ok: false, problem: { kind: 'extension', ext } };
  if (attachment.size > maxBytes) return { ok: false, problem: { kind: 'too-large', max: maxBytes } };
  const fetched = await fetchSafely(attachment.url, {
    allowHosts: opts.allowHosts,
    onlyHosts: DISCORD_CDN_HOSTS,
    ...(opts.params && { params: opts.params }),
  });
  if (!fetched.ok) return fetched;
  return candidateFromFile(attachment.name, fetched.page.bytes);
}

/** A file on this machine (`kliping impor`), read up to the same size limit. */
export async function readLocalFile(path: string, params: Partial<IngestParams> = {}): Promise<IntakeOutcome> {
  const maxBytes = params.maxBytes ?? INGEST_PARAMS.maxBytes;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, problem: { kind: 'too-large', max: maxBytes } };
    return await candidateFromFile(path, buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
