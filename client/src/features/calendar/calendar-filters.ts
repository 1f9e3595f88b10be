import type { LocationQuery } from 'vue-router';

/** The calendar's filters, kept in the address so a filtered view can be linked and bookmarked. */
export interface CalendarFilters {
  /** A forum's slug, or null for every forum. */
  forum: string | null;
  upcoming: boolean;
}

export function filtersFromQuery(query: LocationQuery): CalendarFilters {
  const forum = typeof query.forum === 'string' && query.forum ? query.forum : null;
  return { forum, upcoming: query.tid !== 'tidigare' };
}

export function queryFromFilters(filters: CalendarFilters): Record<string, string> {
  return {
    ...(filters.forum ? { forum: filters.forum } : {}),
    ...(filters.upcoming ? {} : { tid: 'tidigare' }),
  };
}

/** The iCalendar feed to subscribe to: every forum's public meetings, or one forum's. */
export function feedPath(forumSlug: string | null): string {
  return forumSlug ? `/kalender/${forumSlug}.ics` : '/kalender.ics';
}
