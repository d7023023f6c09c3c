/**
 * Time zones as the corpus keeps them: by the name Indonesian news writes ("WIB"), whether the source
 * wrote the name or an offset ("+07:00"), so one time reads the same from a page and from metadata.
 */
const ZONE_NAMES: Readonly<Record<string, string>> = { '+07:00': 'WIB', '+08:00': 'WITA', '+09:00': 'WIT', Z: 'UTC', '+00:00': 'UTC' };

/** "+07:00", "+0700" → "WIB"; "wib" → "WIB"; other offsets as "+HH:MM". */
export function zoneName(zone: string): string {
  const upper = zone.toUpperCase();
  const offset = /^[+-]\d{4}$/.test(upper) ? `${upper.slice(0, 3)}:${upper.slice(3)}` : upper;
  return ZONE_NAMES[offset] ?? offset;
}
