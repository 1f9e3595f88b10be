import { afterEach, expect, test } from 'vitest';
import { nextTick } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createFakeApollo } from '../../../../tests/fake-api';
import { mountInPage } from '../../../../tests/mount';
import type { CompilationVerdict } from '../../../gql/graphql';
import ConsultationCompilationEditor from './ConsultationCompilationEditor.vue';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

function response(
  id: string,
  party: string,
  verdict: CompilationVerdict | null = null,
  verdictReason: string | null = null,
) {
  return {
    id,
    verdict,
    verdictReason,
    party: { name: party },
    positions: [{ verdict: null, verdictReason: null, proposal: { id: 'PR1', position: 1 } }],
  };
}

test('a refetch after judging one response keeps the unsaved verdict and reason of another', async () => {
  const { wrapper: mounted } = await mountInPage(ConsultationCompilationEditor, {
    props: {
      invitationId: 'I1',
      version: 5,
      summary: null,
      publishedAt: null,
      responses: [
        response('R1', 'Vivalla Kvinnoförening'),
        response('R2', 'Studieförbundet Bildning Örebro'),
      ],
    },
    global: { provide: { [DefaultApolloClient]: createFakeApollo({}) } },
  });
  wrapper = mounted;
  await wrapper.get('#compilation-R2-verdict').setValue('NOT_ADOPTED');
  await wrapper.get('#compilation-R2-verdictReason').setValue('Lokalerna räcker inte.');

  // The first response was judged and saved elsewhere: the list comes back anew.
  await wrapper.setProps({
    version: 6,
    responses: [
      response('R1', 'Vivalla Kvinnoförening', 'ADOPTED', 'Prövas först i Vivalla.'),
      response('R2', 'Studieförbundet Bildning Örebro'),
    ],
  });
  await nextTick();

  expect((wrapper.get('#compilation-R2-verdict').element as HTMLSelectElement).value).toBe('NOT_ADOPTED');
  expect((wrapper.get('#compilation-R2-verdictReason').element as HTMLTextAreaElement).value).toBe(
    'Lokalerna räcker inte.',
  );
  expect((wrapper.get('#compilation-R1-verdict').element as HTMLSelectElement).value).toBe('ADOPTED');
});
