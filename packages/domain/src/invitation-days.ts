/**
 * The days of an invitation: a "last day" (to register, to respond) counts to the end of that day in
 * Stockholm, wherever the server or the reader is, and summer time moves that instant by an hour.
 */
const STOCKHOLM = 'Europe/Stockholm';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Stockholm's clock is ahead of UTC at an instant, in milliseconds. */
function stockholmOffsetMs(at: number): number {
  const part = (type: string) => Number(wallClock.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** A real date written YYYY-MM-DD. */
export function isCalendarDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The instant a day ends in Stockholm (the next day's midnight there): a last day counts until then. */
export function endOfStockholmDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnight = Date.UTC(year, month - 1, day + 1);
  // Midnight is never inside a Swedish clock change, so the offset an hour either side is the same.
  return new Date(midnight - stockholmOffsetMs(midnight - stockholmOffsetMs(midnight)));
}

/** Whether a last day (to register, to respond) has passed at `now`. */
export function hasLastDayPassed(date: string, now: Date): boolean {
  return now.getTime() >= endOfStockholmDay(date).getTime();
}
