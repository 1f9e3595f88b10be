/** Where a keyboard move takes an item: one step up or down, or null at either end. */
export function stepTarget(position: number, count: number, direction: -1 | 1): number | null {
  const target = position + direction;
  return target >= 1 && target <= count ? target : null;
}

/** The position an item dropped on another item takes: the target's place. */
export function dropTarget(fromPosition: number, onPosition: number): number | null {
  return fromPosition === onPosition ? null : onPosition;
}

/** datetime-local's value for an instant, in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value means in the browser's time zone; null when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
