/** A kind of file the document store accepts; its content is checked, not only its name. */
export interface AcceptedDocumentType {
  mediaType: string;
  /** File name extensions of this type, lower case, without the dot; the first is the usual one. */
  extensions: string[];
  /** Shown in the browser (PDF, images) rather than saved. */
  inline: boolean;
  /** Short name for people ("PDF", "Word"). */
  label: string;
}

export const ACCEPTED_DOCUMENT_TYPES: readonly AcceptedDocumentType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], inline: true, label: 'PDF' },
  { mediaType: 'image/png', extensions: ['png'], inline: true, label: 'PNG' },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], inline: true, label: 'JPEG' },
  { mediaType: 'image/gif', extensions: ['gif'], inline: true, label: 'GIF' },
  { mediaType: 'image/webp', extensions: ['webp'], inline: true, label: 'WebP' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    inline: false,
    label: 'Word',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    inline: false,
    label: 'Excel',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    inline: false,
    label: 'PowerPoint',
  },
  {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    inline: false,
    label: 'OpenDocument-text',
  },
  {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    inline: false,
    label: 'OpenDocument-kalkyl',
  },
  {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    inline: false,
    label: 'OpenDocument-presentation',
  },
];

/** The upload limit when DOCUMENT_MAX_BYTES is not set: 20 MiB. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The longest stored file name, in characters. */
export const DOCUMENT_NAME_MAX = 200;

/** For a file chooser's `accept`: every accepted extension. */
export const DOCUMENT_ACCEPT = ACCEPTED_DOCUMENT_TYPES.flatMap((type) =>
  type.extensions.map((extension) => `.${extension}`),
).join(',');

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The accepted type a file name claims by its extension, if any. */
export function documentTypeForName(fileName: string): AcceptedDocumentType | undefined {
  const extension = extensionOf(fileName);
  return ACCEPTED_DOCUMENT_TYPES.find((type) => type.extensions.includes(extension));
}

export function documentTypeFor(mediaType: string): AcceptedDocumentType | undefined {
  return ACCEPTED_DOCUMENT_TYPES.find((type) => type.mediaType === mediaType);
}

// Control characters, path separators and what Windows refuses in names.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g;

/**
 * A file name fit to store and offer for download: no folders, no control or reserved characters, no
 * leading dots, at most DOCUMENT_NAME_MAX characters with the extension kept; "dokument" when nothing is left.
 */
export function sanitiseDocumentName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNSAFE_IN_NAME, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return 'dokument';
  if (cleaned.length <= DOCUMENT_NAME_MAX) return cleaned;
  const extension = extensionOf(cleaned);
  const suffix = extension && extension.length < 10 ? `.${extension}` : '';
  return cleaned.slice(0, DOCUMENT_NAME_MAX - suffix.length).trimEnd() + suffix;
}

/** "1,5 MB", "820 kB", "312 B": a size for people, with the locale's decimal sign. */
export function formatDocumentSize(bytes: number, locale = 'sv'): string {
  const format = (value: number, unit: string) =>
    `${value.toLocaleString(locale, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 * 1000) return format(bytes / 1000, 'kB');
  return format(bytes / (1000 * 1000), 'MB');
}
