import { afterEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h, reactive, ref } from 'vue';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { mountInPage } from '../../../tests/mount';
import { useDocumentPicker } from './use-document-picker';
import { uploadDocument } from './upload-document';

vi.mock('./upload-document', async (original) => ({
  ...(await original<typeof import('./upload-document')>()),
  uploadDocument: vi.fn(),
}));

/** A form with the picker, as the matter's, the invitation's and the consultation response's forms use it. */
function pickerForm() {
  const held = reactive({
    documents: [{ id: 'D0', name: 'Befintlig.pdf', url: '/dokument/D0/Befintlig.pdf' }],
  });
  const status = ref('');
  // A plain holder: a ref would unwrap the picker's own refs.
  const picker: { value?: ReturnType<typeof useDocumentPicker> } = {};
  const Form = defineComponent({
    setup() {
      picker.value = useDocumentPicker({
        documents: () => held.documents,
        announce: (message) => (status.value = message),
        addedKey: 'submissionForm.documentAdded',
        removedKey: 'submissionForm.documentRemoved',
      });
      const { fileInput } = picker.value;
      return () => h('input', { type: 'file', ref: fileInput, 'aria-label': 'Fil' });
    },
  });
  return { Form, held, status, picker };
}

const chose = (file: File) => ({ target: { files: [file] } }) as unknown as Event;
const pdf = () => new File(['%PDF-1.7'], 'Underlag.pdf', { type: 'application/pdf' });

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  vi.mocked(uploadDocument).mockReset();
});

describe('a form’s documents', () => {
  test('an uploaded file is held and announced; removing one says which', async () => {
    const { Form, held, status, picker } = pickerForm();
    wrapper = (await mountInPage(Form)).wrapper;
    vi.mocked(uploadDocument).mockResolvedValue({
      ok: true,
      document: {
        id: 'D1',
        name: 'Underlag.pdf',
        mediaType: 'application/pdf',
        size: 8,
        url: '/dokument/D1/Underlag.pdf',
      },
    });
    await picker.value!.upload(chose(pdf()));
    await flushPromises();
    expect(held.documents.map((d) => d.id)).toEqual(['D0', 'D1']);
    expect(status.value).toContain('Underlag.pdf');
    expect(picker.value!.uploading.value).toBe(false);
    picker.value!.removeDocument(0);
    expect(held.documents.map((d) => d.id)).toEqual(['D1']);
    expect(status.value).toContain('Befintlig.pdf');
    expect(document.activeElement).toBe(wrapper.get('input').element);
  });

  test('a file of a type not accepted is refused before sending; a refused upload keeps nothing', async () => {
    const { Form, held, status, picker } = pickerForm();
    wrapper = (await mountInPage(Form)).wrapper;
    await picker.value!.upload(chose(new File(['x'], 'makro.exe')));
    expect(picker.value!.uploadError.value).toBe('documents.typeNotAccepted');
    expect(uploadDocument).not.toHaveBeenCalled();
    vi.mocked(uploadDocument).mockResolvedValue({ ok: false, message: 'errors.NETWORK' });
    await picker.value!.upload(chose(pdf()));
    await flushPromises();
    expect(picker.value!.uploadError.value).toBe('errors.NETWORK');
    expect(held.documents).toHaveLength(1);
    expect(status.value).toBe('');
    expect(document.activeElement).toBe(wrapper.get('input').element);
  });
});
