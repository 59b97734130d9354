// The PDF writer's public API: a ReportModel as an A4 PDF in a subset, embedded Japanese font (with fallback fonts
// and device glyphs for what it lacks), with the envelope.

export { breakLines } from './line-break';
export type { DeviceGlyph, DeviceGlyphs, FallbackFont, PdfAssets } from './fonts';
export { TEXT_WIDTH_MM } from './page';
export { renderPdf } from './render';
