// Font subsetting for the PDF writer: harfbuzz's hb_subset (raw wasm C API) plus a reader for the subset's cmap.

/** The C functions of harfbuzz-subset.wasm we call; the file is a standalone reactor with no imports. */
interface HbExports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthOut: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

// Harfbuzz copies a READONLY blob when it must patch it; WRITABLE lets it work in place on our malloc'd copy.
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;

/**
 * A PDF's CIDFontType2 draws glyphs by id from glyf/loca/hmtx (jsPDF's parser also reads cmap, post, name, OS/2),
 * and this PDF writes horizontal text only, so layout, vertical metrics and hinting programs would only cost
 * subsetting time and bytes — GSUB closure would even pull in glyphs (vertical forms, ligatures) no text can reach.
 */
const DROPPED_TABLES = [
  ...['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'kern'],
  ...['vhea', 'vmtx', 'VORG'],
  ...['prep', 'fpgm', 'cvt ', 'gasp', 'hdmx', 'LTSH', 'VDMX'],
  ...['PCLT', 'DSIG', 'meta', 'STAT'],
];

let hbPromise: Promise<HbExports> | null = null;

function instantiate(wasm: Uint8Array | ArrayBuffer): Promise<HbExports> {
  // One compile per page: compiling the 680 KB module dominates a cold render.
  hbPromise ??= WebAssembly.instantiate(wasm as BufferSource, {}).then(
    (result) => {
      const exports = result.instance.exports as unknown as HbExports;
      exports._initialize?.();
      return exports;
    },
    (error: unknown) => {
      hbPromise = null; // let a later call retry, e.g. after a failed download
      throw error;
    },
  );
  return hbPromise;
}

interface CachedFace {
  bytes: Uint8Array;
  face: number;
  /** Our malloc'd copy of the font, which harfbuzz reads in place for as long as the face lives. */
  ptr: number;
}

/**
 * Copying the 4.5 MB font into wasm memory and letting harfbuzz index it costs more than the subset itself,
 * so faces stay resident (regular, bold, and the emoji and Arabic fallbacks); keyed by array identity because the asset loader hands out the same arrays.
 * Bounded so that callers passing fresh arrays each time cannot grow wasm memory without limit.
 */
const faceCache: CachedFace[] = [];
const FACE_CACHE_SIZE = 4;

function faceFor(hb: HbExports, bytes: Uint8Array): number {
  const hit = faceCache.find((entry) => entry.bytes === bytes);
  if (hit) return hit.face;
  const ptr = hb.malloc(bytes.byteLength);
  if (!ptr) throw new Error('Font subsetting: out of wasm memory');
  new Uint8Array(hb.memory.buffer).set(bytes, ptr); // view taken after malloc: memory may have grown
  const blob = hb.hb_blob_create(ptr, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  // Not hb_subset_preprocess: it costs ~40 ms up front, while a plain face caches its accelerators lazily
  // and repeat subsets are already ~1 ms — most sessions render one or two PDFs.
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  if (faceCache.length >= FACE_CACHE_SIZE) {
    const evicted = faceCache.shift();
    if (evicted) {
      hb.hb_face_destroy(evicted.face);
      hb.free(evicted.ptr); // the blob was created without a destroy callback, so the copy is ours to free
    }
  }
  faceCache.push({ bytes, face, ptr });
  return face;
}

function tag(name: string): number {
  return ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;
}

export interface SubsetFont {
  /** A TrueType font holding only the requested characters that the source font has. */
  bytes: Uint8Array;
  /** Code point → glyph id in `bytes`; a requested code point absent here is missing from the font. */
  cmap: Map<number, number>;
}

/** Subsets `font` to `codePoints` (glyph ids are renumbered; the cmap maps every kept code point). */
export async function subsetFont(
  font: Uint8Array,
  harfbuzzWasm: Uint8Array | ArrayBuffer,
  codePoints: Iterable<number>,
): Promise<SubsetFont> {
  const hb = await instantiate(harfbuzzWasm);
  const face = faceFor(hb, font);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('Font subsetting: cannot create subset input');
  let subset: number;
  try {
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const name of DROPPED_TABLES) hb.hb_set_add(drop, tag(name));
    // fpgm/prep/cvt are dropped, so the glyphs' own instructions would call functions that no longer exist.
    hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (!subset) throw new Error('Font subsetting failed');
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const ptr = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    const bytes = new Uint8Array(hb.memory.buffer, ptr, length).slice();
    return { bytes, cmap: readCmap(bytes) };
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}

/** Reads the Unicode cmap of a TrueType/OpenType font: format 12 when present (it covers beyond the BMP), else format 4. */
export function readCmap(font: Uint8Array): Map<number, number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (view.getUint32(record) === tag('cmap')) cmapOffset = view.getUint32(record + 8);
  }
  if (cmapOffset < 0) throw new Error('Font has no cmap table');
  let best = -1;
  let bestRank = 0;
  const count = view.getUint16(cmapOffset + 2);
  for (let i = 0; i < count; i++) {
    const record = cmapOffset + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmapOffset + view.getUint32(record + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const rank = !unicode ? 0 : format === 12 ? 2 : format === 4 ? 1 : 0;
    if (rank > bestRank) {
      best = offset;
      bestRank = rank;
    }
  }
  const map = new Map<number, number>();
  if (best < 0) return map;
  if (bestRank === 2) {
    const groups = view.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + 12 * g;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  const segX2 = view.getUint16(best + 6);
  const ends = best + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const start = view.getUint16(starts + s);
    const end = view.getUint16(ends + s);
    const delta = view.getUint16(deltas + s);
    const rangeOffset = view.getUint16(rangeOffsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        glyph = view.getUint16(rangeOffsets + s + rangeOffset + 2 * (cp - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}
