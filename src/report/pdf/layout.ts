// Rendering: flows the planned blocks down the pages (keeping headings with what follows), and draws each line as
// runs — the main font, a fallback font, a device image or a placeholder — in visual order.

import type { jsPDF } from 'jspdf';
import { bidiClass, bidiLevels, mirror, visualOrder } from './bidi';
import { encode, isInvisible } from './characters';
import type { DeviceGlyph, DeviceGlyphs, Shaped, Subsets } from './fonts';
import { MAIN, NONE } from './fonts';
import { unitWidth } from './jspdf-font';
import type { FontHandle } from './jspdf-font';
import { breakItems } from './line-break';
import type { Item } from './line-break';
import { BOX_BAR, CONTENT_BOTTOM, FOOTER_BASELINE, MARGIN, PAGE_W, PT, S, TEXT_WIDTH_MM } from './page';
import type { Box, Rgb, Style } from './page';
import { footerText } from './plan';
import type { Block, Para } from './plan';

/** BIZ UDPGothic's baseline sits 0.88 em below the em box top; the other fonts share that baseline. */
const ASCENT = 0.88;
/** Width of the placeholder box drawn for a character nothing can draw (Node), in em. */
const PLACEHOLDER_EM = 0.9;

/** One cluster of a line: what it is, what draws it, and its width at the paragraph's size. */
interface Piece {
  text: string;
  /** Code units for the font (empty for an invisible cluster or one drawn as an image). */
  units: string;
  font: number;
  width: number;
  device?: DeviceGlyph | null;
}

interface Line {
  pieces: Piece[];
  rtl: boolean;
  style: Style;
  /** The main font for this paragraph: regular, or bold when the bold font draws all of it. */
  main: FontHandle;
  /** jsPDF has no synthetic bold, so without the bold font, bold is fill-and-stroke of the outlines. */
  fauxBold: boolean;
  x: number;
  height: number;
  before: number;
  rule: boolean;
}

export class Layout {
  private y = MARGIN;
  private readonly deviceCache = new Map<string, DeviceGlyph | null>();

  constructor(
    private readonly doc: jsPDF,
    /** Index MAIN: the regular font; then the fallback fonts (null where unused). */
    private readonly fonts: (FontHandle | null)[],
    private readonly bold: FontHandle | null,
    private readonly subsets: Subsets,
    private readonly device: DeviceGlyphs | undefined,
  ) {}

  private get regular(): FontHandle {
    return this.fonts[MAIN] as FontHandle;
  }

  private deviceGlyph(cluster: string, color: Rgb): DeviceGlyph | null {
    if (!this.device) return null;
    const key = `${color.join(',')}|${cluster}`;
    let glyph = this.deviceCache.get(key);
    if (glyph === undefined) {
      try {
        glyph = this.device.draw(cluster, color);
      } catch {
        glyph = null; // a canvas that fails is no reason to fail the PDF: the placeholder is drawn instead
      }
      this.deviceCache.set(key, glyph);
    }
    return glyph;
  }

  private pieces(shaped: Shaped, style: Style, main: FontHandle): Piece[] {
    const size = style.size;
    return shaped.items.map((text, i) => {
      const font = shaped.font[i] as number;
      if (text === '\n') return { text, units: '', font: MAIN, width: 0 };
      if (font === NONE) {
        const device = this.deviceGlyph(text, style.color);
        return { text, units: '', font, width: (device ? device.width : PLACEHOLDER_EM) * size * PT, device };
      }
      const handle = font === MAIN ? main : (this.fonts[font] as FontHandle);
      const units = encode(shaped.draw[i] as string, handle.charset);
      let width = 0;
      for (const unit of units) width += unitWidth(handle, unit);
      return { text, units, font, width: width * size };
    });
  }

  private lines(para: Para, width: number): Line[] {
    const shaped = this.subsets.shaped.get(para.text) as Shaped;
    const bold = para.style.bold && this.bold && this.subsets.boldTexts.has(para.text) ? this.bold : null;
    const main = bold ?? this.regular;
    const pieces = this.pieces(shaped, para.style, main);
    const size = para.style.size;
    const indent = para.indent ?? 0;
    const items: Item[] = pieces.map((p) => ({ text: p.text, width: p.width }));
    const broken = breakItems(items, width - indent);
    return broken.map(([from, to], i) => ({
      pieces: pieces.slice(from, to),
      rtl: shaped.rtl,
      style: para.style,
      main,
      fauxBold: para.style.bold && !bold,
      x: MARGIN + indent,
      height: size * PT * para.style.leading,
      before: i === 0 ? (para.before ?? 0) : 0,
      rule: para.rule === true && i === broken.length - 1,
    }));
  }

  block(block: Block): void {
    const pad = block.box?.padding ?? 0;
    const inset = block.box ? pad + BOX_BAR : 0;
    const lines = block.paras.flatMap((p) => this.lines(p, TEXT_WIDTH_MM - inset - pad));
    const height = (l: Line) => l.before + l.height;
    let i = 0;
    while (i < lines.length) {
      const room = CONTENT_BOTTOM - this.y - 2 * pad;
      let used = 0;
      let end = i;
      for (let l = lines[end]; l && used + height(l) <= room; l = lines[end]) {
        used += height(l);
        end++;
      }
      const mustKeep = i === 0 ? Math.min(block.keep, lines.length) : 1;
      if (end < mustKeep && this.y > MARGIN) {
        this.newPage();
        continue;
      }
      if (end === i) {
        used = height(lines[i] as Line); // taller than a page: cannot happen with these sizes, but never loop
        end = i + 1;
      }
      if (block.box) this.drawBox(block.box, this.y, used + 2 * pad);
      let y = this.y + pad;
      for (let k = i; k < end; k++) {
        const line = lines[k] as Line;
        y += line.before;
        this.drawLine(line, line.x + inset, y);
        y += line.height;
      }
      this.y = y + pad;
      i = end;
      if (i < lines.length) this.newPage();
    }
    this.y += block.after;
  }

  private drawBox(box: Box, top: number, height: number): void {
    this.doc.setFillColor(...box.fill);
    this.doc.rect(MARGIN, top, TEXT_WIDTH_MM, height, 'F');
    this.doc.setFillColor(...box.bar);
    this.doc.rect(MARGIN, top, BOX_BAR, height, 'F');
  }

  /** The line's pieces left to right: logical order, or the bidi algorithm's visual order with brackets mirrored. */
  private visual(line: Line): Piece[] {
    if (!line.rtl) return line.pieces;
    const levels = bidiLevels(line.pieces.map((p) => bidiClass(p.text)));
    return visualOrder(levels).map((i) => {
      const piece = line.pieces[i] as Piece;
      if ((levels[i] as number) % 2 === 0 || piece.font === NONE) return piece;
      const mirrored = mirror(piece.text);
      if (mirrored === piece.text) return piece;
      const handle = piece.font === MAIN ? line.main : (this.fonts[piece.font] as FontHandle);
      return { ...piece, units: encode(mirrored, handle.charset) };
    });
  }

  private drawLine(line: Line, x: number, top: number): void {
    const { doc } = this;
    const size = line.style.size;
    // Centre the em box in the line box.
    const baseline = top + (line.height - size * PT) / 2 + size * PT * ASCENT;
    const pieces = this.visual(line);
    doc.setFontSize(size);
    doc.setTextColor(...line.style.color);
    let run = '';
    let runFont = MAIN;
    let runX = x;
    let at = x;
    const flush = () => {
      if (run) this.drawText(run, runFont === MAIN ? line.main : (this.fonts[runFont] as FontHandle), runX, baseline, line);
      run = '';
    };
    for (const piece of pieces) {
      if (piece.font === NONE) {
        flush();
        this.drawUndrawable(piece, at, baseline, line);
      } else if (piece.units) {
        if (piece.font !== runFont || !run) {
          flush();
          runFont = piece.font;
          runX = at;
        }
        run += piece.units;
      } else if (!isInvisible(piece.text) && piece.text !== '\n') {
        flush();
      }
      at += piece.width;
    }
    flush();
    if (line.rule) {
      doc.setDrawColor(...line.style.color);
      doc.setLineWidth(0.3);
      doc.line(MARGIN, top + line.height, MARGIN + TEXT_WIDTH_MM, top + line.height);
    }
  }

  private drawText(text: string, font: FontHandle, x: number, baseline: number, line: Line): void {
    const { doc } = this;
    doc.setFont(font.name, 'normal');
    if (line.fauxBold || (line.style.bold && font !== line.main)) {
      doc.setDrawColor(...line.style.color);
      doc.setLineWidth(line.style.size * PT * 0.03);
      doc.text(text, x, baseline, { renderingMode: 'fillThenStroke' });
    } else {
      doc.text(text, x, baseline);
    }
  }

  /**
   * A cluster no font has: the device's drawing of it, or a box the size of a character, so it is never lost
   * silently; and, either way, the character itself as invisible text on a carrier glyph, so search and copy find it.
   */
  private drawUndrawable(piece: Piece, x: number, baseline: number, line: Line): void {
    const { doc } = this;
    const em = line.style.size * PT;
    if (piece.device) {
      const g = piece.device;
      const alias = `dev-${line.style.color.join('-')}-${[...piece.text].map((c) => c.codePointAt(0)?.toString(16)).join('-')}`;
      doc.addImage(g.image, 'PNG', x, baseline - g.baseline * em, g.width * em, g.height * em, alias);
    } else {
      doc.setDrawColor(...line.style.color);
      doc.setLineWidth(em * 0.05);
      const w = PLACEHOLDER_EM * em;
      doc.rect(x + 0.08 * em, baseline - 0.78 * em, w - 0.16 * em, 0.86 * em, 'S');
      doc.line(x + 0.08 * em, baseline - 0.78 * em, x + w - 0.08 * em, baseline + 0.08 * em);
    }
    const carrier = this.subsets.carriers.get(piece.text);
    const unit = carrier === undefined ? undefined : this.regular.charset.unit.get(carrier);
    if (unit !== undefined) {
      // Scaled to the drawn width, so that selecting it highlights the image or box and nothing beyond.
      const advance = unitWidth(this.regular, unit) * line.style.size;
      doc.setFont(this.regular.name, 'normal');
      // Tz and Tr are graphics state, which outlives the text object: q … Q keeps them from the text after it.
      doc.saveGraphicsState();
      doc.text(unit, x, baseline, { renderingMode: 'invisible', ...(advance > 0 ? { horizontalScale: piece.width / advance } : {}) });
      doc.restoreGraphicsState();
    }
  }

  private newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.y = MARGIN;
  }

  footers(template: string): void {
    if (!template.trim()) return;
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page);
      const text = encode(footerText(template, page, pages), this.regular.charset);
      this.doc.setFont(this.regular.name, 'normal');
      this.doc.setFontSize(S.footer.size);
      this.doc.setTextColor(...S.footer.color);
      this.doc.text(text, PAGE_W / 2, FOOTER_BASELINE, { align: 'center' });
    }
  }
}
