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

/** What a PDF's bytes hold of the envelope the app wrote into it. */
export type EnvelopeSearch =
  /** The one envelope of the file as written; `appended`: a copy added after its end (%%EOF) was ignored. */
  | { kind: 'found'; json: string; appended: boolean }
  /** None at all: a PDF not made by the app (or re-saved by a tool that compressed its metadata). */
  | { kind: 'none' }
  /** An envelope that cannot be read whole (cut short or altered), or a file cut off before its end. */
  | { kind: 'damaged' }
  /** Two different envelopes in the file as written, or only one added after its end: which is the app's is unclear. */
  | { kind: 'ambiguous' };

const EOF = '%%EOF';

/**
 * Finds the envelope the app wrote. jsPDF writes the XMP metadata once, inside the file before its first %%EOF; an
 * incremental update (or anything else) appended after that end is not what the pages were made from, so an envelope
 * there is never taken. Two different envelopes before the end mean the file was altered: refused as ambiguous.
 */
export function findEnvelope(pdf: Uint8Array): EnvelopeSearch {
  // latin1 keeps one character per byte, so string offsets are byte offsets and the ASCII payload is intact.
  const text = new TextDecoder('latin1').decode(pdf);
  const eof = text.indexOf(EOF);
  const end = eof < 0 ? text.length : eof;
  const found = new Set<string>();
  let damaged = false;
  let appended = false;
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + BEGIN.length)) {
    if (at >= end) {
      appended = true;
      break;
    }
    const json = decodePayload(text, at + BEGIN.length, end);
    if (json === null) damaged = true;
    else found.add(json);
  }
  if (found.size > 1) return { kind: 'ambiguous' };
  const [json] = found;
  if (json !== undefined) return { kind: 'found', json, appended };
  if (damaged || eof < 0) return { kind: 'damaged' };
  return appended ? { kind: 'ambiguous' } : { kind: 'none' };
}

function decodePayload(text: string, start: number, limit: number): string | null {
  const end = text.indexOf(END, start);
  if (end < 0 || end > limit) return null;
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
