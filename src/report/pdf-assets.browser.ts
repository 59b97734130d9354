// Fetches the PDF writer's font and harfbuzz wasm in the browser (as hashed, precached Vite assets), once per page.

import fontUrl from '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf?url';
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import type { PdfAssets } from './pdf';

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

/** The same arrays on every call, which lets the subsetter keep its parsed font face between PDFs. */
export async function loadBrowserPdfAssets(): Promise<PdfAssets> {
  pending ??= Promise.all([fetchBytes(fontUrl), fetchBytes(wasmUrl)]).then(
    ([regular, harfbuzzWasm]) => ({ regular, harfbuzzWasm }),
    (error: unknown) => {
      pending = null; // offline or a failed request: let the next click try again
      throw error;
    },
  );
  return pending;
}
