// Fetches the PDF writer's fonts and harfbuzz wasm in the browser (as hashed, precached Vite assets), once per page,
// and draws with the device's own fonts what no bundled font has.

import fontUrl from '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf?url';
import emojiUrl from '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf?url';
import arabicUrl from '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf?url';
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { DeviceGlyph, DeviceGlyphs, PdfAssets } from './pdf';

/*
 * No bold font: renderPdf draws bold as fill-and-stroke of the regular outlines. Embedding the real bold
 * would add ~18 KB to a typical PDF (51 → 69 KB, near the 80 KB budget) and a second 4.5 MB download.
 */
let pending: Promise<PdfAssets> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A font fetched the first time a document needs it, then kept; a failed fetch is tried again next time. */
function lazyFont(url: string): () => Promise<Uint8Array> {
  let bytes: Promise<Uint8Array> | null = null;
  return () =>
    (bytes ??= fetchBytes(url).catch((error: unknown) => {
      bytes = null;
      throw error;
    }));
}

/** Pixels per em of the canvas drawing: sharp in print at the report's sizes (8–16 pt), a few KB per character. */
const PX = 64;
const HEIGHT_EM = 1.25;
const BASELINE_EM = 0.95;
/** The device's Japanese and emoji fonts first, so a character renders as the person would see it on screen. */
const FAMILY =
  '"BIZ UDPGothic", "Yu Gothic", YuGothic, "Hiragino Sans", "Hiragino Kaku Gothic ProN", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", ' +
  'system-ui, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

/** Draws one cluster on a canvas with the device's fonts, as a PNG data URL. */
export const canvasGlyphs: DeviceGlyphs = {
  draw(cluster, color): DeviceGlyph | null {
    if (typeof document === 'undefined') return null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.font = `${PX}px ${FAMILY}`;
    const width = Math.max(ctx.measureText(cluster).width, PX * 0.25);
    canvas.width = Math.ceil(width);
    canvas.height = Math.ceil(PX * HEIGHT_EM);
    // Setting the size resets the context.
    ctx.font = `${PX}px ${FAMILY}`;
    ctx.fillStyle = `rgb(${color.join(',')})`;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(cluster, 0, PX * BASELINE_EM);
    return { image: canvas.toDataURL('image/png'), width: canvas.width / PX, height: canvas.height / PX, baseline: BASELINE_EM };
  },
};

/** The same arrays on every call, which lets the subsetter keep its parsed font faces between PDFs. */
export async function loadBrowserPdfAssets(): Promise<PdfAssets> {
  pending ??= Promise.all([fetchBytes(fontUrl), fetchBytes(wasmUrl)]).then(
    ([regular, harfbuzzWasm]) => ({
      regular,
      harfbuzzWasm,
      // Emoji (monochrome) and Arabic: fetched only for a document with text BIZ UDPGothic cannot draw.
      fallbacks: [
        { name: 'NotoEmoji', font: lazyFont(emojiUrl) },
        { name: 'NotoSansArabic', font: lazyFont(arabicUrl) },
      ],
      device: canvasGlyphs,
    }),
    (error: unknown) => {
      pending = null; // offline or a failed request: let the next click try again
      throw error;
    },
  );
  return pending;
}
