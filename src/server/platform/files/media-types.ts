/**
 * What a file really is, read from its first bytes (a name or a declared type proves nothing).
 * Only kinds that browsers cannot run as scripts are accepted: no SVG, no HTML.
 */
export type FileKind = 'image' | 'document';

type Signature = { mediaType: string; kind: FileKind; extension: string; matches: (bytes: Buffer) => boolean };

const startsWith = (bytes: Buffer, ...values: number[]) => values.every((value, index) => bytes[index] === value);
const ascii = (bytes: Buffer, offset: number, text: string) => bytes.subarray(offset, offset + text.length).toString('latin1') === text;

/** Office Open XML and OpenDocument files are ZIP archives; their first entry tells which. */
function zipHolds(bytes: Buffer, marker: string): boolean {
  return startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) && bytes.subarray(0, 2000).toString('latin1').includes(marker);
}

const signatures: Signature[] = [
  {
    mediaType: 'image/png',
    kind: 'image',
    extension: 'png',
    matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  { mediaType: 'image/jpeg', kind: 'image', extension: 'jpg', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { mediaType: 'image/webp', kind: 'image', extension: 'webp', matches: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  { mediaType: 'application/pdf', kind: 'document', extension: 'pdf', matches: (b) => ascii(b, 0, '%PDF-') },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'document',
    extension: 'docx',
    matches: (b) => zipHolds(b, 'word/'),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'document',
    extension: 'xlsx',
    matches: (b) => zipHolds(b, 'xl/'),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    kind: 'document',
    extension: 'pptx',
    matches: (b) => zipHolds(b, 'ppt/'),
  },
  {
    mediaType: 'application/vnd.oasis.opendocument.text',
    kind: 'document',
    extension: 'odt',
    matches: (b) => zipHolds(b, 'application/vnd.oasis.opendocument.text'),
  },
];

export type DetectedType = { mediaType: string; kind: FileKind; extension: string };

export function detectMediaType(content: Buffer): DetectedType | null {
  const found = signatures.find((signature) => signature.matches(content));
  return found ? { mediaType: found.mediaType, kind: found.kind, extension: found.extension } : null;
}

/** Images are accepted where documents are (a scanned page is a photo). */
export function isAccepted(detected: DetectedType | null, accept: FileKind): detected is DetectedType {
  if (!detected) return false;
  return accept === 'document' || detected.kind === 'image';
}
