// The assessment envelope carried inside the PDF: how it is wrapped into XMP metadata and found again in the bytes.

/** XMP namespace of the metadata property that carries the envelope (a URN: the app has no web address of its own). */
export const ENVELOPE_XMP_NAMESPACE = 'urn:x-shirube:pdf-envelope:1#';

/*
 * Base64 between ASCII markers, because the PDF bytes are searched without a PDF parser: base64 survives
 * XML escaping and any PDF string/stream encoding, and the byte count catches a truncated copy.
 * jsPDF writes the XMP metadata stream without a Flate filter, so the markers appear verbatim in the file.
 */
const BEGIN = 'SHIRUBE-ENVELOPE-BEGIN:';
const END = ':SHIRUBE-ENVELOPE-END';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked apply over typed-array slices: one call per byte or a spread of the whole array is ~10× slower,
  // and a single call with every byte overflows the argument limit.
  for (let i = 0; i < bytes.length; i += 4096) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return btoa(binary);
}

/** The text to store as the XMP property value: `BEGIN<byteLength>:<base64 of UTF-8 JSON>END`. */
export function envelopeMetadataText(json: string): string {
  const utf8 = new TextEncoder().encode(json);
  return `${BEGIN}${utf8.length}:${toBase64(utf8)}${END}`;
}

/**
 * Recovers the envelope JSON embedded by renderPdf, or null when the bytes hold none (another PDF, or one
 * re-saved by a tool that compressed the metadata stream). The last copy wins, as in an incremental update.
 */
export function extractEnvelopeJson(pdf: Uint8Array): string | null {
  // latin1 keeps one character per byte, so string offsets are byte offsets and the ASCII payload is intact.
  const text = new TextDecoder('latin1').decode(pdf);
  let from = text.length;
  while (from > 0) {
    const begin = text.lastIndexOf(BEGIN, from);
    if (begin < 0) return null;
    const json = decodePayload(text, begin + BEGIN.length);
    if (json !== null) return json;
    from = begin - 1;
  }
  return null;
}

function decodePayload(text: string, start: number): string | null {
  const end = text.indexOf(END, start);
  if (end < 0) return null;
  const match = /^(\d+):([A-Za-z0-9+/]*={0,2})$/.exec(text.slice(start, end));
  if (!match?.[1] || match[2] === undefined) return null;
  try {
    const binary = atob(match[2]);
    if (binary.length !== Number(match[1])) return null;
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
