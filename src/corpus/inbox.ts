/**
 * The corpus folder's inbox: where articles added from Discord or `kliping impor` are written
 * (`masuk/`), where removed ones wait to be restored (`masuk/.sampah/`), and the journal of every
 * change (`masuk/jurnal.jsonl`). The loader reads the inbox's articles like any others, and
 * skips the trash and the journal.
 */

export const INBOX_DIR = 'masuk';
export const TRASH_DIR = `${INBOX_DIR}/.sampah`;
export const JOURNAL_FILE = `${INBOX_DIR}/jurnal.jsonl`;

/** A path (relative to the corpus folder, forward slashes) that is bookkeeping, not an article. */
export function isInboxBookkeeping(file: string): boolean {
  return file === JOURNAL_FILE || file === TRASH_DIR || file.startsWith(`${TRASH_DIR}/`);
}

/** An article file written through the inbox (and so removable from Discord). */
export function isInboxArticle(file: string): boolean {
  return file.startsWith(`${INBOX_DIR}/`) && !file.slice(INBOX_DIR.length + 1).includes('/') && !isInboxBookkeeping(file);
}
