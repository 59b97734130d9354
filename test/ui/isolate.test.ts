// Bidi isolation of user text in the app's sentences: a right-to-left override in a title stays inside the title.

import { describe, expect, it } from 'vitest';
import { isolate, isolateParams } from '../../src/ui/isolate';
import { presentHistory } from '../../src/view/history';
import { envelope } from '../storage/helpers';
import { jaCommon, jaRecords, makeApp } from './helpers';

const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';

describe('isolate', () => {
  it('wraps the text in FSI … PDI, keeping an override typed inside it', () => {
    expect(isolate(`${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
  });

  it('removes isolate controls of the text itself, so a stray PDI cannot close the isolate early', () => {
    expect(isolate(`a${PDI}${RLO}b\u2066c`)).toBe(`${FSI}a${RLO}bc${PDI}`);
  });

  it('leaves empty text empty, and non-user values (counts, dates) as given', () => {
    expect(isolate('')).toBe('');
    expect(isolateParams({ title: 'x', n: 3, date: '2026年4月1日' })).toEqual({ title: `${FSI}x${PDI}`, n: 3, date: '2026年4月1日' });
  });
});

describe('app.t with user text', () => {
  it('isolates a title inside a sentence, so the words after it are not mirrored', async () => {
    const { app } = await makeApp('ja');
    const title = `${RLO}悪意のある名前`;
    const text = app.t('common:case.inCase', { title });
    expect(text).toBe(jaCommon.case.inCase.replace('{{title}}', `${FSI}${title}${PDI}`));
    // After the isolate closes, nothing of the override is left open: the sentence's closing words follow the PDI.
    expect(text.slice(text.indexOf(PDI) + 1)).toBe(jaCommon.case.inCase.split('{{title}}')[1]);
  });

  it('tData interpolates as typed: a copy’s title is data and must not gain invisible marks', async () => {
    const { app } = await makeApp('ja');
    const copy = app.tData('records:library.copyTitle', { title: '顧客名簿' });
    expect(copy).toBe(jaRecords.library.copyTitle.replace('{{title}}', '顧客名簿'));
    expect(copy).not.toMatch(/[\u2066-\u2069]/);
  });
});

describe('the history on the result page', () => {
  it('isolates the user’s words in each change (reasons, names), not the app’s words or the answers', async () => {
    const { app } = await makeApp('ja');
    const env = envelope();
    const rtl = {
      ...env,
      history: [...env.history, { at: '2026-12-03T02:00:00.000Z', kind: 'title' as const, from: env.title, to: `${RLO}evil` }],
    };
    const texts = presentHistory(rtl, app.t, app.lang, isolate).map((c) => c.text);
    // The name given first, and the reason: each inside its own isolate.
    expect(texts[0]).toContain(`${FSI}佐藤 花子${PDI}`);
    expect(texts[1]).toContain(`${FSI}送信したファイルに`);
    // An answer is the app's wording of an option or a number: not isolated.
    expect(texts[2]).not.toContain(FSI);
    // The override typed into the new name ends with it: the sentence closes after the PDI.
    expect(texts.at(-1)!.endsWith(`${FSI}${RLO}evil${PDI}`)).toBe(true);
  });
});
