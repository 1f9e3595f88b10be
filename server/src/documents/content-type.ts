import { inflateRawSync } from 'node:zlib';

/*
 * The accepted types recognised by their content (magic bytes), never by the name or the browser's claim.
 * Office documents are zip archives: OOXML (docx, xlsx, pptx) is told by the main part its
 * [Content_Types].xml declares, OpenDocument (odt, ods, odp) by its `mimetype` entry. A zip that is neither,
 * or a macro-enabled Office file, is not accepted.
 */

const OOXML_MAIN_PARTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const OPENDOCUMENT_TYPES = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

/** The most an entry we read ([Content_Types].xml, mimetype) may inflate to: a zip bomb stops here. */
const MAX_ENTRY_BYTES = 1024 * 1024;

const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return (
    bytes.length >= offset + expected.length &&
    bytes.subarray(offset, offset + expected.length).equals(expected)
  );
};

/** The accepted media type the content is, or null when it is none of them. */
export function detectMediaType(bytes: Buffer): string | null {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  return null;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function officeType(zip: Buffer): string | null {
  const entries = centralDirectory(zip);
  if (!entries) return null;
  const mimetype = entries.find((entry) => entry.name === 'mimetype');
  if (mimetype) {
    const declared = readEntry(zip, mimetype)?.toString('latin1').trim();
    return declared && OPENDOCUMENT_TYPES.includes(declared) ? declared : null;
  }
  const contentTypes = entries.find((entry) => entry.name === '[Content_Types].xml');
  const xml = contentTypes && readEntry(zip, contentTypes)?.toString('utf8');
  if (!xml) return null;
  const declared = [...xml.matchAll(/ContentType\s*=\s*"([^"]+)"/g)].map((match) => match[1]!);
  const found = [...new Set(declared.map((type) => OOXML_MAIN_PARTS[type]).filter(Boolean))];
  return found.length === 1 ? found[0]! : null;
}

/** The entries of the zip's central directory, or null when it is not a readable zip. */
function centralDirectory(zip: Buffer): ZipEntry[] | null {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= searchFrom; at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (at + 46 + nameLength > zip.length) return null;
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes (stored or deflated), or null when it cannot be read within MAX_ENTRY_BYTES. */
function readEntry(zip: Buffer, entry: ZipEntry): Buffer | null {
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + entry.compressedSize > zip.length) return null;
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= MAX_ENTRY_BYTES ? data : null;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
  } catch {
    return null;
  }
}
