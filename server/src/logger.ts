import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; one logger per process. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'samverka' } });
}
