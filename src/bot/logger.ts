import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger } from 'pino';

const REDACTED = '[redacted]';

/**
 * Structured JSON logs that never print a secret: known fields are redacted by path, and
 * any line that still contains a secret (an error message quoting a header, say) is
 * scrubbed as the last step before it is written.
 */
export function createLogger(level: LogLevel, secrets: readonly string[], destination?: DestinationStream): Logger {
  const needles = secrets.filter((s) => s.length >= 8).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  return pino(
    {
      level,
      base: { app: 'kliping' },
      redact: {
        paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization', 'authorization'],
        censor: REDACTED,
      },
      hooks: {
        streamWrite: (line) => needles.reduce((text, needle) => text.split(needle).join(REDACTED), line),
      },
    },
    destination,
  );
}
