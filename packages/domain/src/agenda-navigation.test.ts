import { describe, expect, test } from 'vitest';
import {
  currentAgendaItem,
  nextPendingItem,
  previousItem,
  upcomingItems,
  type NavigableAgendaItem,
} from './agenda-navigation.js';
import { AgendaItemStatus as S } from './enums.js';

type Item = NavigableAgendaItem & { id: string };

/** An agenda written as "id:STATUS" in position order, e.g. agenda('a:DONE', 'b:CURRENT'). */
function agenda(...items: string[]): Item[] {
  return items.map((spec, index) => {
    const [id, status] = spec.split(':') as [string, S];
    return { id, position: index + 1, status };
  });
}

const ids = (items: readonly Item[]) => items.map((item) => item.id);

describe('nextPendingItem (where MOVE_TO_NEXT_ITEM goes)', () => {
  test.each([
    ['the pending item after the current one', agenda('a:DONE', 'b:CURRENT', 'c:PENDING'), 'c'],
    [
      'skips done and deferred items after the current one',
      agenda('a:CURRENT', 'b:DEFERRED', 'c:DONE', 'd:PENDING'),
      'd',
    ],
    [
      'never goes back to a pending item before the current one',
      agenda('a:PENDING', 'b:CURRENT', 'c:DONE'),
      null,
    ],
    ['none on the last item', agenda('a:DONE', 'b:CURRENT'), null],
    [
      'with no current item, the first pending item',
      agenda('a:DONE', 'b:DEFERRED', 'c:PENDING', 'd:PENDING'),
      'c',
    ],
    ['with no current item and nothing pending, none', agenda('a:DONE', 'b:DEFERRED'), null],
    ['an empty agenda has none', agenda(), null],
  ])('%s', (_name, items, expected) => {
    expect(nextPendingItem(items)?.id ?? null).toBe(expected);
  });

  test('follows positions, not array order', () => {
    const items = agenda('a:CURRENT', 'b:PENDING', 'c:PENDING').reverse();
    expect(nextPendingItem(items)?.id).toBe('b');
  });
});

describe('previousItem (where MOVE_TO_PREVIOUS_ITEM goes)', () => {
  test.each([
    ['the item just before the current one', agenda('a:DONE', 'b:DONE', 'c:CURRENT'), 'b'],
    ['whatever its status', agenda('a:DONE', 'b:DEFERRED', 'c:CURRENT', 'd:PENDING'), 'b'],
    ['a pending item before the current one', agenda('a:PENDING', 'b:CURRENT'), 'a'],
    ['none on the first item', agenda('a:CURRENT', 'b:PENDING'), null],
    ['with no current item, the last item of all', agenda('a:DONE', 'b:DEFERRED', 'c:PENDING'), 'c'],
    ['an empty agenda has none', agenda(), null],
  ])('%s', (_name, items, expected) => {
    expect(previousItem(items)?.id ?? null).toBe(expected);
  });

  test('follows positions, not array order', () => {
    const items = agenda('a:DONE', 'b:DONE', 'c:CURRENT').reverse();
    expect(previousItem(items)?.id).toBe('b');
  });
});

describe('currentAgendaItem and upcomingItems', () => {
  test.each([
    ['in progress', agenda('a:DONE', 'b:CURRENT', 'c:PENDING', 'd:DEFERRED', 'e:PENDING'), 'b', ['c', 'e']],
    ['skipped pending items still count', agenda('a:PENDING', 'b:DONE', 'c:CURRENT'), 'c', ['a']],
    ['not started', agenda('a:PENDING', 'b:PENDING'), null, ['a', 'b']],
    ['all dealt with', agenda('a:DONE', 'b:DEFERRED'), null, []],
  ])('%s', (_name, items, current, upcoming) => {
    expect(currentAgendaItem(items)?.id ?? null).toBe(current);
    expect(ids(upcomingItems([...items].reverse()))).toEqual(upcoming);
  });
});
