// Vite plugin: the virtual module `virtual:flow-cards` holds each flow's title, subtitle and description in every language,
// taken from the flows' own locale files at build time, so the home and start pages can present every flow without loading
// the flows' full texts (and a flow's name lives in one place: its locale file).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:flow-cards';
const RESOLVED = `\0${ID}`;

type Cards = Record<string, Record<string, { title: string; subtitle: string; description: string }>>;

/**
 * { ja: { leak: { title, subtitle, description }, … }, en: { … } }: every language folder under locales/, and in it every
 * flow's file — a flow's texts are the ones with questions (the flow test checks each registered flow has them).
 */
export function flowCards(root: string): Cards {
  const dir = join(root, 'locales');
  const cards: Cards = {};
  for (const lang of readdirSync(dir)) {
    cards[lang] = {};
    for (const file of readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const texts = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>;
      if (typeof texts.questions !== 'object') continue;
      const { title, subtitle, description } = texts;
      if (typeof title !== 'string' || typeof subtitle !== 'string' || typeof description !== 'string')
        throw new Error(`locales/${lang}/${file} needs a title, a subtitle and a description`);
      cards[lang][file.replace(/\.json$/, '')] = { title, subtitle, description };
    }
  }
  return cards;
}

export function flowCardsPlugin(root: string): Plugin {
  return {
    name: 'shirube-flow-cards',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const dir = join(root, 'locales');
      for (const lang of readdirSync(dir)) for (const file of readdirSync(join(dir, lang))) this.addWatchFile(join(dir, lang, file));
      return `export default ${JSON.stringify(flowCards(root))};`;
    },
  };
}
