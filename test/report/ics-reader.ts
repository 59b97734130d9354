// A strict iCalendar (RFC 5545) reader for tests: reads a calendar file back as a calendar program would, and lists
// every way the file breaks the format (raw line breaks, long or split lines, unescaped TEXT), independently of ics.ts.

export interface IcsProperty {
  name: string;
  /** The value as written (after unfolding, before unescaping). */
  raw: string;
  /** A TEXT value unescaped (§3.3.11); other values as written. */
  value: string;
}

/** Properties whose values are TEXT in the files the app writes. */
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT']);
const MAX_OCTETS = 75;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function readIcs(text: string): { properties: IcsProperty[]; problems: string[] } {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push('a CR or LF that is not part of a CRLF line ending');
  const physical = text.replace(/\r\n$/, '').split('\r\n');
  const enc = new TextEncoder();
  physical.forEach((line, i) => {
    const octets = enc.encode(line).length;
    if (octets > MAX_OCTETS) problems.push(`line ${i + 1} has ${octets} octets (at most ${MAX_OCTETS}): ${line.slice(0, 40)}…`);
    if (LONE_SURROGATE.test(line)) problems.push(`line ${i + 1} splits a character`);
  });
  // Unfolding (§3.1): a CRLF followed by one space or tab is removed.
  const logical = text
    .replace(/\r\n[ \t]/g, '')
    .replace(/\r\n$/, '')
    .split('\r\n');
  const properties: IcsProperty[] = [];
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[^:;]+=[^:;]*)*):(.*)$/.exec(line);
    if (!m) {
      problems.push(`not a content line: ${line.slice(0, 60)}`);
      continue;
    }
    const name = (m[1] ?? '').toUpperCase();
    const raw = m[3] ?? '';
    let value = raw;
    if (TEXT_PROPERTIES.has(name)) {
      // Every backslash starts one of the four escapes, and no comma or semicolon stands bare.
      if (!/^(?:[^\\,;]|\\[\\;,nN])*$/.test(raw)) problems.push(`${name} is not escaped TEXT: ${raw.slice(0, 60)}`);
      value = raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
    properties.push({ name, raw, value });
  }
  return { properties, problems };
}

/** The values of every `name` property, in order. */
export const valuesOf = (ics: { properties: IcsProperty[] }, name: string): string[] =>
  ics.properties.filter((p) => p.name === name).map((p) => p.value);
