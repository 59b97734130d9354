// Every ground, duty, note and reason the leak rules can produce (found by walking the rules over many
// answer combinations) has a title and an explanation in both languages.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/evaluate';
import { leakFlow } from '../../src/domain/flows/leak';
import type { Facts } from '../../src/domain/types';

const load = (lang: string) =>
  JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/leak.json`), 'utf8')) as Record<
    string,
    Record<string, { title?: string; explanation?: string }>
  >;

function* combinations(): Generator<Facts> {
  for (const actor of ['business', 'public-body'])
    for (const events of [[], ['leak'], ['loss']])
      for (const flag of ['yes', 'no'])
        for (const dataKind of ['personal-data', 'being-acquired', 'pseudonymised', 'other'])
          for (const protectedV of ['yes', 'no'])
            for (const ground of [
              'sensitive',
              'financial',
              'wrongful',
              'persons',
              'ordinanceSensitive',
              'myNumberSystem',
              'myNumberPublished',
              'myNumberPersons',
              'none',
            ])
              for (const role of ['controller', 'contractor'])
                for (const other of ['yes', 'no'])
                  yield {
                    actor,
                    events,
                    certainty: other === 'yes' ? 'suspected' : 'confirmed',
                    recoveredUnseen: flag,
                    copyExists: flag,
                    dataKind,
                    protected: protectedV,
                    sensitive: ground === 'sensitive' ? 'yes' : 'no',
                    financial: ground === 'financial' ? 'yes' : 'no',
                    wrongful: ground === 'wrongful' ? 'yes' : 'no',
                    persons: ground === 'persons' ? 5000 : ground === 'myNumberPersons' ? 200 : 1,
                    ordinanceSensitive: ground === 'ordinanceSensitive' ? 'yes' : 'no',
                    role,
                    canContactAll: other === 'yes' ? 'no' : 'yes',
                    delegatedSector: other,
                    myNumber: other,
                    myNumberPersons: ground === 'myNumberPersons' ? 200 : 1,
                    myNumberPublished: ground === 'myNumberPublished' ? 'yes' : 'no',
                    myNumberSystem: ground === 'myNumberSystem' ? 'yes' : 'no',
                    atContractor: other,
                    ransomware: other,
                    privacyMark: other,
                    knownOn: '2026-03-02',
                  } as Facts;
}

describe('leak outcome texts', () => {
  const seen = {
    outcomes: new Set<string>(),
    grounds: new Set<string>(),
    duties: new Set<string>(),
    notes: new Set<string>(),
    reasons: new Set<string>(),
  };
  for (const facts of combinations()) {
    const r = evaluate('leak', facts);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    seen.outcomes.add(r.outcome.outcome);
    for (const k of ['grounds', 'duties', 'notes', 'reasons'] as const) for (const id of r.outcome[k]) seen[k].add(id);
  }

  it('the combinations reach every id flows.md lists for the leak flow', () => {
    expect([...seen.outcomes].sort()).toEqual(['no-incident', 'not-reportable', 'out-of-scope', 'reportable']);
    expect([...seen.grounds].sort()).toEqual([
      'mynumber-2-i',
      'mynumber-2-ii',
      'mynumber-2-iii',
      'mynumber-2-iv',
      'rules-43-i',
      'rules-43-ii',
      'rules-43-iii',
      'rules-43-iv',
      'rules-43-v',
      'rules-7-i',
      'rules-7-ii',
      'rules-7-iii',
      'rules-7-iv',
    ]);
    expect([...seen.duties].sort()).toEqual([
      'alternative-measures',
      'notify-entruster',
      'notify-individuals',
      'record-internally',
      'report-final',
      'report-preliminary',
      'report-privacymark-body',
      'report-privacymark-preliminary',
    ]);
    expect([...seen.notes].sort()).toEqual([
      'contractor-relieved-if-entruster-notified',
      'joint-report-possible',
      'my-number-act',
      'mynumber-report-to-ppc',
      'privacymark-report',
      'ransomware-common-form',
      'report-to-delegated-ministry',
      'review-contractor-supervision',
      'suspected-counts',
      'voluntary-report-possible',
    ]);
    expect([...seen.reasons].sort()).toEqual([
      'copy-exists',
      'no-event',
      'no-ground',
      'not-personal-data',
      'protected',
      'pseudonymised',
      'recovered-unseen',
    ]);
  });

  it('the flow gives every duty it can produce a place in the working order', () => {
    expect([...leakFlow.dutyOrder].sort()).toEqual([...seen.duties].sort());
  });

  it.each(['ja', 'en'])('%s has a title and explanation for each', (lang) => {
    const text = load(lang);
    for (const kind of ['grounds', 'duties', 'notes', 'reasons'] as const)
      for (const id of seen[kind]) {
        expect(text[kind]?.[id]?.title, `${kind}.${id}`).toEqual(expect.any(String));
        expect(text[kind]?.[id]?.explanation, `${kind}.${id}`).toEqual(expect.any(String));
      }
  });
});
