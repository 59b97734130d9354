// Rendering: flows the planned blocks down the pages (keeping headings with what follows), draws them and the footers.

import type { jsPDF } from 'jspdf';
import { coveredBy, encode } from './characters';
import type { FontHandle } from './jspdf-font';
import { breakLines } from './line-break';
import { BOX_BAR, CONTENT_BOTTOM, FOOTER_BASELINE, MARGIN, PAGE_W, PT, S, TEXT_WIDTH_MM } from './page';
import type { Box, Style } from './page';
import { footerText } from './plan';
import type { Block, Para } from './plan';

interface Line {
  text: string;
  style: Style;
  font: FontHandle;
  /** jsPDF has no synthetic bold, so without the bold font, bold is fill-and-stroke of the regular outlines. */
  fauxBold: boolean;
  x: number;
  height: number;
  before: number;
  rule: boolean;
}

export class Layout {
  private y = MARGIN;

  constructor(
    private readonly doc: jsPDF,
    private readonly regular: FontHandle,
    private readonly bold: FontHandle | null,
  ) {}

  private measure(font: FontHandle, ch: string): number {
    let unit = font.widths.get(ch);
    if (unit === undefined) {
      this.doc.setFont(font.name, 'normal');
      unit = this.doc.getStringUnitWidth(ch) * PT;
      font.widths.set(ch, unit);
    }
    return unit;
  }

  /** The bold font is used only if it holds every character of the paragraph; otherwise faux bold. */
  private fontFor(text: string, style: Style): { font: FontHandle; fauxBold: boolean } {
    if (style.bold && this.bold && coveredBy(text, this.bold.cmap)) return { font: this.bold, fauxBold: false };
    return { font: this.regular, fauxBold: style.bold };
  }

  private lines(para: Para, width: number): Line[] {
    const { font, fauxBold } = this.fontFor(para.text, para.style);
    const text = encode(para.text, font.charset);
    const size = para.style.size;
    const indent = para.indent ?? 0;
    const broken = breakLines(text, width - indent, (ch) => this.measure(font, ch) * size);
    return broken.map((line, i) => ({
      text: line,
      style: para.style,
      font,
      fauxBold,
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

  private drawLine(line: Line, x: number, top: number): void {
    const { doc } = this;
    const size = line.style.size;
    // Centre the em box in the line box; BIZ UDPGothic's baseline sits 0.88 em below the em box top.
    const baseline = top + (line.height - size * PT) / 2 + size * PT * 0.88;
    if (line.text) {
      doc.setFont(line.font.name, 'normal');
      doc.setFontSize(size);
      doc.setTextColor(...line.style.color);
      if (line.fauxBold) {
        doc.setDrawColor(...line.style.color);
        doc.setLineWidth(size * PT * 0.03);
        doc.text(line.text, x, baseline, { renderingMode: 'fillThenStroke' });
      } else {
        doc.text(line.text, x, baseline);
      }
    }
    if (line.rule) {
      doc.setDrawColor(...line.style.color);
      doc.setLineWidth(0.3);
      doc.line(MARGIN, top + line.height, MARGIN + TEXT_WIDTH_MM, top + line.height);
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
