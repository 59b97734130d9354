// The flow cards the first screen names flows with: taken from each registered flow's own locale files, in both
// languages, and the same words the flow's texts use (so a flow has one title).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowCards } from '../../scripts/flow-cards-plugin';
import { FLOW_IDS } from '../../src/domain/flows/registry';
import { createI18n } from '../../src/i18n';

const root = join(__dirname, '../..');

describe('flow cards', () => {
  it('hold every registered flow, and only those, in ja and en', () => {
    const cards = flowCards(root);
    expect(Object.keys(cards).sort()).toEqual(['en', 'ja']);
    for (const lang of ['ja', 'en']) expect(Object.keys(cards[lang] ?? {}).sort()).toEqual([...FLOW_IDS].sort());
  });

  it('seed the flows’ titles before their texts load, and the full texts replace nothing but add the rest', async () => {
    const cards = flowCards(root);
    const i18n = await createI18n('ja', { namespaces: ['common'], flowCards: cards });
    expect(i18n.t('leak:title')).toBe(cards.ja?.leak?.title);
    // The start page's description too: a start page opened first loads no flow texts.
    expect(i18n.t('leak:description')).toBe(cards.ja?.leak?.description);
    expect(i18n.exists('leak:questions.actor.title')).toBe(false);
    const { ensureLanguage } = await import('../../src/i18n');
    await ensureLanguage(i18n, 'ja', undefined, ['leak']);
    expect(i18n.t('leak:title')).toBe(cards.ja?.leak?.title);
    expect(i18n.exists('leak:questions.actor.title')).toBe(true);
  });

  it('in tests a missing text throws instead of showing its key', async () => {
    const i18n = await createI18n('ja');
    expect(() => i18n.t('common:no.such.key')).toThrow(/missing text common:no\.such\.key/);
  });
});
