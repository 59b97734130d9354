// renderPdf: plans the report, subsets and embeds the fonts, writes the properties and envelope, lays it out.

import { jsPDF } from 'jspdf';
import { ENVELOPE_XMP_NAMESPACE, envelopeMetadataText } from '../pdf-envelope';
import type { ReportModel } from '../report-model';
import { subsetFonts } from './fonts';
import type { PdfAssets } from './fonts';
import { embedFont } from './jspdf-font';
import { Layout } from './layout';
import { plan } from './plan';

/**
 * Renders the report. Every character is drawn: by BIZ UDPGothic, by a fallback font (emoji, Arabic), by the
 * device's fonts as an image (browser), or as a placeholder box (Node) — never dropped, and never a reason to fail.
 */
export async function renderPdf(model: ReportModel, assets: PdfAssets): Promise<Uint8Array> {
  const blocks = plan(model);
  const paras = blocks.flatMap((b) => b.paras);
  const subsets = await subsetFonts(paras, model.footer, assets);

  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const fonts = subsets.fonts.map((f) => (f ? embedFont(doc, f.name, f.subset, f.used, f.sources) : null));
  const boldSubset = subsets.bold;
  const bold = boldSubset ? embedFont(doc, 'BIZUDPGothic-Bold', boldSubset, new Set(boldSubset.cmap.keys())) : null;

  doc.setDocumentProperties({ ...model.properties, creator: 'Shirube' });
  doc.setLanguage(model.lang === 'ja' ? 'ja' : 'en-US');
  doc.addMetadata(envelopeMetadataText(model.envelopeJson), ENVELOPE_XMP_NAMESPACE);

  const layout = new Layout(doc, fonts, bold, subsets, assets.device);
  for (const block of blocks) layout.block(block);
  layout.footers(model.footer);
  return new Uint8Array(doc.output('arraybuffer'));
}
