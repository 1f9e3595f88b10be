import { crc32, deflateRawSync } from 'node:zlib';
import type { TestServer } from './helpers.js';

/** A zip archive of the given entries, deflated except `mimetype` (as OpenDocument stores it). */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text, 'utf8');
    const stored = name === 'mimetype';
    const data = stored ? raw : deflateRawSync(raw);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

/** Small files of each kind, as their programs start them. */
export const FILES = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(16)]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16)]),
  docx: zip({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    'word/document.xml': '<w:document/>',
  }),
  xlsx: zip({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
  }),
  pptx: zip({
    '[Content_Types].xml': contentTypes(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    ),
  }),
  odt: zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': '<office:document-content/>',
  }),
  ods: zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }),
  odp: zip({ mimetype: 'application/vnd.oasis.opendocument.presentation' }),
  /** A Windows program (MZ header). */
  exe: Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(62),
    Buffer.from('This program cannot be run in DOS mode.'),
  ]),
  html: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
  /** A Word file with macros: a zip with a main part that is not accepted. */
  docm: zip({
    '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'),
  }),
  /** A zip of nothing in particular. */
  plainZip: zip({ 'readme.txt': 'hej' }),
};

export interface UploadAnswer {
  status: number;
  body: {
    document?: { id: string; name: string; mediaType: string; size: number; url: string } | null;
    errors: any[];
  };
}

/** POSTs one file the way a browser's form does. */
export async function uploadFile(
  server: TestServer,
  name: string,
  bytes: Buffer,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${server.url}/dokument`, {
    method: 'POST',
    body: form,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export const ATTACH = `mutation($input: AgendaItemDocumentInput!) { attachDocumentToAgendaItem(input: $input) {
  agendaItem { id documents { id name mediaType size url } } errors { field code message } } }`;
export const REMOVE = `mutation($input: AgendaItemDocumentInput!) { removeDocumentFromAgendaItem(input: $input) {
  agendaItem { id documents { id name } } errors { field code message } } }`;

export const DOCUMENT_TABLES = ['document', 'document_content', 'document_attachment'];
