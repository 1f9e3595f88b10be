import { intlLocale } from '../i18n';

export const TIME_ZONE = 'Europe/Stockholm';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/** A calendar date ("2023-11-22") as e.g. "22 november 2023"; no time-zone shift for date-only values. */
export function formatDate(value: string, locale: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A moment as e.g. "tisdag 3 mars 2026 kl. 13:00" in Stockholm time. */
export function formatDateTime(value: string | Date, locale: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(value));
}

/** Clock time "13:05" in Stockholm time. */
export function formatTime(value: string | Date, locale: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}

/** Machine-readable value for a <time datetime> attribute. */
export function isoDateTime(value: string | Date): string {
  return new Date(value).toISOString();
}
