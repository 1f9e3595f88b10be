import { documentTypeForName, formatDocumentSize } from '@samverka/domain';
import { topLevelErrorKey, type FieldMessage, type UserErrorLike } from '../../lib/errors';

/** What POST /dokument answers with (see the server's documents.http.ts). */
export interface UploadedDocument {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  url: string;
}

export type UploadResult = { ok: true; document: UploadedDocument } | { ok: false; message: FieldMessage };

interface UploadBody {
  document?: UploadedDocument | null;
  errors?: (UserErrorLike | { extensions?: { code?: string } })[];
}

/** A refusal of the file in the page's language: the server's Swedish words, and the English from its code. */
function fileMessage(error: UserErrorLike, locale: string): FieldMessage {
  if (error.code === 'FILE_TOO_LARGE' && error.max) {
    return {
      key: 'documents.tooLarge',
      params: { max: formatDocumentSize(error.max, locale) },
      sv: error.message,
    };
  }
  return { key: `userErrors.${error.code}`, sv: error.message };
}

/** Reads the upload's answer: a stored document, a field error, or a top-level refusal (signed out, …). */
export function uploadResult(status: number, body: UploadBody | null, locale: string): UploadResult {
  if (body?.document && status < 300) return { ok: true, document: body.document };
  const [first] = body?.errors ?? [];
  if (first && 'code' in first) return { ok: false, message: fileMessage(first, locale) };
  if (status === 413) return { ok: false, message: 'userErrors.FILE_TOO_LARGE' };
  return {
    ok: false,
    message: topLevelErrorKey({ graphQLErrors: body?.errors ?? [], networkError: null } as never),
  };
}

/** A check before sending: the name must end as an accepted type does (the server checks the content). */
export function checkBeforeUpload(file: File): FieldMessage | null {
  if (file.size === 0) return 'documents.empty';
  if (!documentTypeForName(file.name)) return 'documents.typeNotAccepted';
  return null;
}

/**
 * Sends one file to POST /dokument as multipart/form-data with the session cookie, reporting progress
 * (XMLHttpRequest: fetch has no upload progress). Resolves with what the server answered; a lost
 * connection resolves as errors.NETWORK.
 */
export function uploadDocument(
  file: File,
  locale: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/dokument');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      resolve(uploadResult(request.status, request.response as UploadBody | null, locale));
    request.onerror = () => resolve({ ok: false, message: 'errors.NETWORK' });
    request.onabort = () => resolve({ ok: false, message: 'documents.cancelled' });
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
