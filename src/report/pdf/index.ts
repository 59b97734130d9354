// The PDF writer's public API: a ReportModel as an A4 PDF in a subset, embedded Japanese font, with the envelope.

export { breakLines } from './line-break';
export { MissingGlyphsError } from './fonts';
export type { PdfAssets } from './fonts';
export { TEXT_WIDTH_MM } from './page';
export { renderPdf } from './render';
