import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import DocumentList from './DocumentList.vue';

const DOCUMENTS = [
  {
    id: 'D1',
    name: 'Kallelse.pdf',
    mediaType: 'application/pdf',
    size: 1_540_000,
    url: '/dokument/d1/Kallelse.pdf',
  },
  {
    id: 'D2',
    name: 'Budget.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    size: 820_000,
    url: '/dokument/d2/Budget.xlsx',
  },
];

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(
  props: { canRemove?: boolean } = {},
  locale: 'sv' | 'en' = 'sv',
  resolvers: Record<string, (args: never) => unknown> = {},
) {
  const mounted = await mountInPage(DocumentList, {
    locale,
    props: { agendaItemId: 'AI2', documents: DOCUMENTS, ...props },
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo({ signedIn: true, resolvers }) } },
  });
  wrapper = mounted.wrapper;
  return mounted.wrapper;
}

describe('DocumentList', () => {
  test.each([
    ['sv', ['Kallelse.pdf (PDF, 1,5 MB)', 'Budget.xlsx (Excel, 820 kB)']],
    ['en', ['Kallelse.pdf (PDF, 1.5 MB)', 'Budget.xlsx (Excel, 820 kB)']],
  ] as const)('links each document with its type and size (%s), axe clean', async (locale, texts) => {
    const page = await setup({}, locale);
    expect(page.findAll('li').map((li) => li.text())).toEqual(texts);
    expect(page.get('a').attributes('href')).toBe('/dokument/d1/Kallelse.pdf');
    expect(page.find('button').exists()).toBe(false);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  test('whoever may manage the meeting removes a document by a named button; it is announced', async () => {
    const removeDocumentFromAgendaItem = vi.fn((_args: unknown) => ({
      agendaItem: { id: 'AI2', documents: [DOCUMENTS[1]] },
      errors: [],
    }));
    const page = await setup({ canRemove: true }, 'sv', { removeDocumentFromAgendaItem });
    expect(await axeViolations(document.body)).toEqual([]);
    await page.get('button[aria-label="Ta bort Kallelse.pdf"]').trigger('click');
    await flushPromises();
    expect(removeDocumentFromAgendaItem.mock.calls[0]![0]).toEqual({
      input: { agendaItemId: 'AI2', documentId: 'D1' },
    });
    expect(page.emitted('removed')).toEqual([['D1']]);
    expect(page.get('[role="status"]').text()).toBe('Kallelse.pdf är borttagen.');
  });

  test('a refusal is shown and announced', async () => {
    const removeDocumentFromAgendaItem = () => ({
      agendaItem: null,
      errors: [
        {
          field: ['input', 'documentId'],
          code: 'NOT_FOUND',
          message: 'Dokumentet finns inte på punkten.',
          max: null,
        },
      ],
    });
    const page = await setup({ canRemove: true }, 'sv', { removeDocumentFromAgendaItem });
    await page.get('button[aria-label="Ta bort Budget.xlsx"]').trigger('click');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toBe('Dokumentet finns inte på punkten.');
  });
});
