import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { FieldMessage } from '../../lib/errors';
import { checkBeforeUpload, uploadDocument } from './upload-document';

/** What a form keeps of a document it holds. */
interface HeldDocument {
  id: string;
  name: string;
  url: string;
}

/**
 * A form's documents: uploads the chosen file into `documents`, removes one, and says what happened through
 * `announce` (a live region of the form). The form names what it says when one is added or removed.
 */
export function useDocumentPicker(options: {
  documents: () => HeldDocument[];
  announce: (message: string) => void;
  addedKey: string;
  removedKey: string;
}) {
  const { t, locale } = useI18n();
  const fileInput = ref<HTMLInputElement | null>(null);
  const uploadError = ref<FieldMessage | null>(null);
  const uploading = ref(false);

  async function upload(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    uploadError.value = checkBeforeUpload(file);
    if (uploadError.value) return;
    uploading.value = true;
    options.announce(t('documents.uploading', { name: file.name }));
    const result = await uploadDocument(file, locale.value, () => undefined);
    uploading.value = false;
    if (fileInput.value) fileInput.value.value = '';
    if (!result.ok) {
      uploadError.value = result.message;
      options.announce('');
      fileInput.value?.focus();
      return;
    }
    options.documents().push(result.document);
    options.announce(t(options.addedKey, { name: result.document.name }));
  }

  function removeDocument(index: number) {
    const [removed] = options.documents().splice(index, 1);
    if (removed) options.announce(t(options.removedKey, { name: removed.name }));
    fileInput.value?.focus();
  }

  return { fileInput, uploadError, uploading, upload, removeDocument };
}
