// @vitest-environment node
// The PDF writer's folder: one public entry, and no module that would pull UI, i18n or storage into its lazy chunk.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as pdf from '../../src/report/pdf';

const folder = new URL('../../src/report/pdf/', import.meta.url);
/** The report modules the writer may use besides its own folder: none of them imports UI, i18n or storage. */
const ALLOWED_PARENTS = ['../font-subset', '../pdf-envelope', '../report-model'];

describe('src/report/pdf/', () => {
  it('exports the same API through index.ts, with no pdf.ts beside the folder to shadow it', () => {
    expect(Object.keys(pdf).sort()).toEqual(['TEXT_WIDTH_MM', 'breakLines', 'renderPdf']);
    expect(existsSync(new URL('../pdf.ts', folder))).toBe(false);
  });

  it('imports only jspdf, its own modules and the report modules the writer needs', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const file of files) {
      const source = readFileSync(new URL(file, folder), 'utf8');
      const specs = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const spec of specs) {
        const ok = spec === 'jspdf' || /^\.\/[\w-]+$/.test(spec ?? '') || ALLOWED_PARENTS.includes(spec ?? '');
        expect(ok, `${file} imports ${spec}`).toBe(true);
      }
    }
  });
});
