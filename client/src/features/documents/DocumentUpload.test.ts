import { afterEach, describe, expect, test } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../tests/fake-api';
import { mountInPage } from '../../../tests/mount';
import { axeViolations } from '../../../tests/axe';
import DocumentUpload from './DocumentUpload.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

async function setup(locale: 'sv' | 'en' = 'sv') {
  const mounted = await mountInPage(DocumentUpload, {
    locale,
    props: { agendaItemId: 'AI2' },
    global: { provide: { [DefaultApolloClient as symbol]: createFakeApollo({ signedIn: true }) } },
  });
  wrapper = mounted.wrapper;
  return mounted.wrapper;
}

async function choose(page: VueWrapper, file: File) {
  const input = page.get('input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}

describe('DocumentUpload', () => {
  test.each(['sv', 'en'] as const)(
    'is labelled, lists the accepted types and is axe clean in %s',
    async (locale) => {
      const page = await setup(locale);
      const input = page.get('input[type="file"]');
      expect(page.get(`label[for="${input.attributes('id')}"]`).text()).toBe(
        locale === 'sv' ? 'Fil' : 'File',
      );
      expect(input.attributes('accept')).toContain('.pdf');
      expect(page.text()).toContain('PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint');
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test.each([
    ['sv', 'Den filtypen går inte att ladda upp.'],
    ['en', 'That type of file cannot be uploaded.'],
  ] as const)(
    'a file of a refused type is refused before sending, announced and focused (%s)',
    async (locale, words) => {
      const page = await setup(locale);
      await choose(page, new File(['MZ'], 'program.exe'));
      await page.get('button.button-primary').trigger('click');
      await flushPromises();
      const alert = page.get('[role="alert"]');
      expect(alert.text()).toContain(words);
      const input = page.get('input[type="file"]');
      expect(input.attributes('aria-invalid')).toBe('true');
      expect(input.attributes('aria-describedby')).toContain(alert.attributes('id'));
      expect(document.activeElement).toBe(input.element);
      expect(await axeViolations(document.body)).toEqual([]);
    },
  );

  test('pressing the button without a file says to choose one', async () => {
    const page = await setup();
    await page.get('button.button-primary').trigger('click');
    await flushPromises();
    expect(page.get('[role="alert"]').text()).toBe('Välj en fil först.');
  });

  test('works without a form of its own, so it can sit in another form', async () => {
    const page = await setup();
    expect(page.find('form').exists()).toBe(false);
    expect(page.get('button.button-primary').attributes('type')).toBe('button');
  });
});
