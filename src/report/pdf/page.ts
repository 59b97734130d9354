// The A4 page of the summary: its geometry (mm), colours, type styles and boxes.

export const PAGE_W = 210;
const PAGE_H = 297;
export const MARGIN = 18;
/** Width available to text between the margins. */
export const TEXT_WIDTH_MM = PAGE_W - 2 * MARGIN;
export const CONTENT_BOTTOM = PAGE_H - MARGIN;
export const FOOTER_BASELINE = PAGE_H - 10;
export const PT = 25.4 / 72;

export type Rgb = readonly [number, number, number];
const INK: Rgb = [26, 26, 26];
const GREY: Rgb = [102, 102, 102];
const ACCENT: Rgb = [0, 23, 193]; // the app's theme colour
const STRONG: Rgb = [179, 38, 30]; // due dates must catch the eye of someone skimming for deadlines

export interface Style {
  size: number; // pt
  bold: boolean;
  color: Rgb;
  /** Line box height as a multiple of the font size; generous for Japanese, which has no ascender/descender gaps. */
  leading: number;
}

export const S = {
  heading: { size: 16, bold: true, color: INK, leading: 1.35 },
  title: { size: 12, bold: false, color: INK, leading: 1.45 },
  meta: { size: 8.5, bold: false, color: GREY, leading: 1.5 },
  bannerText: { size: 9.5, bold: true, color: [122, 74, 0], leading: 1.5 },
  verdictLabel: { size: 9, bold: false, color: ACCENT, leading: 1.5 },
  verdictText: { size: 13, bold: true, color: INK, leading: 1.45 },
  section: { size: 12, bold: true, color: ACCENT, leading: 1.4 },
  itemTitle: { size: 10, bold: true, color: INK, leading: 1.5 },
  body: { size: 9.5, bold: false, color: INK, leading: 1.6 },
  itemMeta: { size: 8, bold: false, color: GREY, leading: 1.5 },
  emphasis: { size: 10, bold: true, color: STRONG, leading: 1.5 },
  /** The reason written beside an answer: under it, a shade lighter, so the answer still reads first. */
  note: { size: 9, bold: false, color: [60, 60, 60], leading: 1.55 },
  /** One entry of the history of changes. */
  log: { size: 8.5, bold: false, color: INK, leading: 1.5 },
  disclaimer: { size: 8, bold: false, color: GREY, leading: 1.55 },
  footer: { size: 8, bold: false, color: GREY, leading: 1 },
} satisfies Record<string, Style>;

export interface Box {
  fill: Rgb;
  bar: Rgb;
  padding: number;
}
export const VERDICT_BOX: Box = { fill: [232, 238, 252], bar: ACCENT, padding: 4 };
export const BANNER_BOX: Box = { fill: [255, 243, 214], bar: [199, 119, 0], padding: 3 };
/** Width of the coloured bar on a box's left edge, mm. */
export const BOX_BAR = 1.5;
