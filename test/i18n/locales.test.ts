// Locale files: ja and en have identical key sets and array lengths, and every id the domain can produce
// (questions, options, outcomes, grounds, duties, notes, reasons, citations, holidays) has text in both.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../../src/domain/citations';
import { implementedFlows } from '../../src/domain/flows/registry';
import { NAMESPACES } from '../../src/i18n';

const root = join(__dirname, '../../locales');
type Tree = Record<string, unknown>;
const load = (lang: string, ns: string): Tree => JSON.parse(readFileSync(join(root, lang, `${ns}.json`), 'utf8')) as Tree;

function leaves(v: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) for (const [kk, vv] of leaves(x, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, v);
  return out;
}

function get(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

describe('locale files', () => {
  it('the same files exist in ja and en, one per namespace', () => {
    const files = (lang: string) => readdirSync(join(root, lang)).sort();
    expect(files('ja')).toEqual(files('en'));
    expect(files('ja')).toEqual([...NAMESPACES].map((n) => `${n}.json`).sort());
  });

  it.each([...NAMESPACES])('%s: identical key sets, array lengths and non-empty strings', (ns) => {
    const ja = leaves(load('ja', ns));
    const en = leaves(load('en', ns));
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of ja) {
      const e = en.get(k);
      if (Array.isArray(v)) {
        expect(Array.isArray(e), k).toBe(true);
        expect((e as unknown[]).length, k).toBe(v.length);
        for (const s of [...v, ...(e as unknown[])]) expect(typeof s === 'string' && s.trim().length > 0, k).toBe(true);
      } else {
        expect(typeof v === 'string' && v.trim().length > 0, `ja ${k}`).toBe(true);
        expect(typeof e === 'string' && e.trim().length > 0, `en ${k}`).toBe(true);
      }
    }
  });

  it('interpolation placeholders match between languages', () => {
    // Dates are composed differently: English names the month, Japanese numbers it.
    const composedDifferently = new Set(['common:date.full']);
    for (const ns of NAMESPACES) {
      const ja = leaves(load('ja', ns));
      const en = leaves(load('en', ns));
      for (const [k, v] of ja) {
        if (typeof v !== 'string' || composedDifferently.has(`${ns}:${k}`)) continue;
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(vars(v), `${ns}:${k}`).toEqual(vars(en.get(k) as string));
      }
    }
  });
});

describe.each(['ja', 'en'])('every domain id has text (%s)', (lang) => {
  const citations = load(lang, 'citations');
  it('citations', () => {
    for (const [id, c] of CITATIONS) {
      expect(get(citations, `titles.${id}`), id).toEqual(expect.any(String));
      expect(get(citations, `laws.${c.law}`), c.law).toEqual(expect.any(String));
    }
  });

  for (const def of implementedFlows()) {
    const ns = load(lang, def.id);
    it(`${def.id}: questions and options`, () => {
      for (const q of def.questions) {
        for (const part of ['title', 'hint', 'explanation'])
          expect(get(ns, `questions.${q.id}.${part}`), `${q.id}.${part}`).toEqual(expect.any(String));
        const examples = get(ns, `questions.${q.id}.examples`);
        expect(Array.isArray(examples) && examples.length >= 1 && examples.length <= 3, `${q.id}.examples`).toBe(true);
        if (q.type === 'tri') expect(get(ns, `questions.${q.id}.unsure`), `${q.id}.unsure`).toEqual(expect.any(String));
        // What "unknown" is read as depends on the question's threshold, so each count question says it.
        if (q.type === 'count') expect(get(ns, `questions.${q.id}.unknownHint`), `${q.id}.unknownHint`).toEqual(expect.any(String));
        if (q.type === 'enum' || q.type === 'multi')
          for (const o of q.options) expect(get(ns, `options.${q.id}.${o}.label`), `${q.id}.${o}`).toEqual(expect.any(String));
      }
    });
    it(`${def.id}: outcomes`, () => {
      for (const o of def.outcomes) {
        expect(get(ns, `outcomes.${o}.title`), o).toEqual(expect.any(String));
        expect(get(ns, `outcomes.${o}.summary`), o).toEqual(expect.any(String));
      }
    });
  }
});
