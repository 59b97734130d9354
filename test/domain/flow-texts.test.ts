// Every id the personal-info, sensitive-acquisition and provision rules can produce (found by walking every
// answer of every question the rules ask) is the full list of flows.md §1–3, has a place in the working
// order (duties), and has its texts in both languages; so do chain reasons, checklists and option groups.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainOffers } from '../../src/domain/chain';
import { evaluate } from '../../src/domain/evaluate';
import { personalInfoFlow } from '../../src/domain/flows/personal-info';
import { provisionFlow } from '../../src/domain/flows/provision';
import { sensitiveAcquisitionFlow } from '../../src/domain/flows/sensitive-acquisition';
import { walk, type FlowDefinition } from '../../src/domain/interrogate';
import type { FactValue, Outcome } from '../../src/domain/types';
import { sampleAnswers } from './flow-helpers';

type Texts = Record<string, Record<string, Record<string, unknown>>>;
const load = (lang: string, ns: string) => JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/${ns}.json`), 'utf8')) as Texts;
const LANGS = ['ja', 'en'] as const;

/** Every outcome the flow can reach: each question the rules ask next is answered every way, recursively. */
function* outcomes(def: FlowDefinition, facts: Record<string, FactValue> = {}): Generator<Outcome> {
  const w = walk(def, facts, { mode: 'interactive' });
  if (w.kind === 'invalid') throw new Error(`invalid ${w.factId}: ${w.problem}`);
  if (w.kind === 'needs') {
    for (const v of sampleAnswers(w.next, { multiAll: true, facts })) yield* outcomes(def, { ...facts, [w.next.id]: v });
    return;
  }
  const r = evaluate(def.id, facts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  yield r.outcome;
}

const KINDS = ['grounds', 'tags', 'duties', 'notes', 'reasons'] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<'outcomes' | Kind, string[]>;

/** The full lists, from flows.md §1–3 plus the additions the implementation makes (marked). */
const EXPECTED: [FlowDefinition, Ids][] = [
  [
    personalInfoFlow,
    {
      outcomes: ['anonymised-info', 'individual-related', 'not-personal', 'personal-information', 'pseudonymised-info', 'statistical'],
      grounds: ['appi-2-1-i', 'appi-2-1-i-collation', 'appi-2-1-ii', 'appi-2-5', 'appi-2-6', 'appi-2-7'],
      tags: [
        'anonymisation-incomplete',
        'identifier-code',
        'my-number',
        'personal-data',
        'personal-information',
        'pseudonymised',
        'retained-personal-data',
        'sensitive',
      ],
      duties: [
        'check-individual-related-provision',
        'consent-to-acquire-sensitive',
        'data-subject-requests',
        'leak-reporting-readiness',
        'no-improper-use',
        'notify-purpose',
        'proper-acquisition',
        'provision-rules',
        'publish-purpose',
        'security-measures',
        'specify-purpose',
        'supervise-contractors',
        'supervise-staff',
      ],
      notes: [
        'about-living-relative', // addition
        'anonymised-info-rules', // addition
        'my-number-act',
        'pseudonymised-info-rules', // addition
        'pseudonymised-rules',
        'run-provision',
        'run-provision-anonymised', // addition
        'run-provision-individual-related', // addition
        'run-provision-pseudonymised', // addition
        'run-sensitive-acquisition',
      ],
      reasons: ['corporate', 'deceased', 'statistical'],
    },
  ],
  [
    sensitiveAcquisitionFlow,
    {
      outcomes: ['consent-required', 'no-acquisition', 'not-sensitive', 'permitted', 'prohibited'],
      grounds: [
        'appi-20-1',
        'appi-20-2',
        'appi-20-2-i',
        'appi-20-2-ii',
        'appi-20-2-iii',
        'appi-20-2-iv',
        'appi-20-2-v',
        'appi-20-2-vi',
        'appi-20-2-vii',
        'consent',
        'order-9-i',
        'order-9-ii',
        'provider-consent',
      ],
      tags: [],
      duties: ['notify-purpose', 'obtain-consent-before-acquiring'],
      notes: [
        'check-source-legitimacy',
        'leak-of-one-is-reportable',
        'no-opt-out-for-sensitive',
        'not-sensitive-other-rules', // addition
      ],
      // All four are additions: flows.md §2 names no reasons.
      reasons: ['improper-means', 'no-exception', 'not-recorded', 'not-sensitive'],
    },
  ],
  [
    provisionFlow,
    {
      outcomes: ['consent-required', 'not-provision', 'not-regulated', 'permitted', 'prohibited'],
      grounds: [
        'appi-27-1-i',
        'appi-27-1-ii',
        'appi-27-1-iii',
        'appi-27-1-iv',
        'appi-27-1-v',
        'appi-27-1-vi',
        'appi-27-1-vii',
        'appi-27-2',
        'appi-27-5-i',
        'appi-27-5-ii',
        'appi-27-5-iii',
        'appi-28-1-consent',
        'appi-31-1',
        'appi-31-not-engaged',
        'appi-41-6-27-5',
        'appi-41-6-law',
        'appi-43-4',
        'consent',
      ],
      tags: [],
      duties: [
        'disclose-foreign-country',
        'foreign-continuous-measures',
        'individual-related-record',
        'keep-original-purposes',
        'maintain-joint-use-notice',
        'obtain-consent-before-providing', // addition
        'provision-record',
        'publish-anonymised-items',
        'publish-joint-use-items',
        'publish-opt-out-items',
        'security-measures',
        'state-anonymised-to-recipient',
        'supervise-contractor',
        'understand-foreign-environment',
      ],
      notes: [
        'check-purpose-limits',
        'designated-country',
        'no-record-needed',
        'pseudonymised-entrustment', // addition
        'recipient-must-confirm-and-record',
      ],
      reasons: [
        'consent-not-confirmed',
        'foreign-no-basis',
        'improper-use',
        'opt-out-incomplete',
        'opt-out-source-barred',
        'pseudonymised-no-provision',
        'purpose-excludes-provision',
        'sensitive-no-opt-out',
      ],
    },
  ],
];

interface Seen extends Record<'outcomes' | Kind, Set<string>> {
  uncited: string[];
  because: Set<string>;
}

const collected = new Map<FlowDefinition, Seen>();

/** What walking every answer of the flow produces (walked once per flow: the provision tree is large). */
function collect(def: FlowDefinition): Seen {
  const cached = collected.get(def);
  if (cached) return cached;
  const seen: Seen = {
    outcomes: new Set(),
    grounds: new Set(),
    tags: new Set(),
    duties: new Set(),
    notes: new Set(),
    reasons: new Set(),
    uncited: [],
    because: new Set(),
  };
  for (const o of outcomes(def)) {
    seen.outcomes.add(o.outcome);
    for (const k of KINDS) for (const id of o[k]) seen[k].add(id);
    if (o.citations.length === 0) seen.uncited.push(o.outcome);
    for (const offer of chainOffers(o)) seen.because.add(offer.because);
  }
  collected.set(def, seen);
  return seen;
}

const ids = (s: Set<string>) => [...s].sort();

describe.each(EXPECTED)('$id texts', (def, expected) => {
  const seen = collect(def);

  it('the walk reaches every outcome id of flows.md, and the flow lists exactly those', () => {
    expect(ids(seen.outcomes)).toEqual(expected.outcomes);
    expect([...def.outcomes].sort()).toEqual(expected.outcomes);
  });
  it.each(KINDS)('the walk reaches every %s id, and no other', (kind) => {
    expect(ids(seen[kind])).toEqual(expected[kind]);
  });
  it('every outcome lists its citations', () => {
    expect(seen.uncited).toEqual([]);
  });
  it('every duty it can produce has a place in the working order, and the order lists no other', () => {
    for (const d of seen.duties) expect(def.dutyOrder, d).toContain(d);
    expect([...def.dutyOrder].sort()).toEqual(ids(seen.duties));
    expect(new Set(def.dutyOrder).size).toBe(def.dutyOrder.length);
  });

  it.each(LANGS)('%s: a title and an explanation for each ground, tag, duty, note and reason', (lang) => {
    const text = load(lang, def.id);
    for (const kind of KINDS)
      for (const id of expected[kind]) {
        expect(text[kind]?.[id], `${kind}.${id}`).toEqual(
          expect.objectContaining({ title: expect.any(String), explanation: expect.any(String) }),
        );
        const t = text[kind]?.[id] as { title: string; explanation: string };
        expect(t.title.trim(), `${kind}.${id}.title`).not.toBe('');
        expect(t.explanation.trim(), `${kind}.${id}.explanation`).not.toBe('');
      }
  });
  it.each(LANGS)('%s: a title and a summary for each outcome', (lang) => {
    const text = load(lang, def.id);
    for (const id of expected.outcomes) {
      const t = text.outcomes?.[id] as { title?: unknown; summary?: unknown } | undefined;
      expect(typeof t?.title === 'string' && t.title.trim() !== '', `outcomes.${id}.title`).toBe(true);
      expect(typeof t?.summary === 'string' && t.summary.trim() !== '', `outcomes.${id}.summary`).toBe(true);
    }
  });

  it.each(LANGS)('%s: a non-empty checklist for each checklist question', (lang) => {
    const text = load(lang, def.id);
    for (const q of def.questions.filter((x) => x.checklist)) {
      const list = text.questions?.[q.id]?.checklist;
      expect(Array.isArray(list) && list.length > 0, `questions.${q.id}.checklist`).toBe(true);
      for (const item of list as unknown[])
        expect(typeof item === 'string' && item.trim() !== '', `questions.${q.id}.checklist`).toBe(true);
    }
  });

  it('option groups list every option exactly once, in order', () => {
    for (const q of def.questions)
      if (q.type === 'multi' && q.groups) {
        expect(
          q.groups.flatMap((g) => g.options),
          q.id,
        ).toEqual(q.options);
        expect(new Set(q.groups.map((g) => g.id)).size, q.id).toBe(q.groups.length);
      }
  });
  it.each(LANGS)('%s: a label and a hint for each option group', (lang) => {
    const groups = load(lang, def.id).optionGroups as Record<string, Record<string, { label?: unknown; hint?: unknown }>> | undefined;
    for (const q of def.questions)
      if (q.type === 'multi' && q.groups)
        for (const g of q.groups) {
          const t = groups?.[q.id]?.[g.id];
          expect(typeof t?.label === 'string' && t.label.trim() !== '', `optionGroups.${q.id}.${g.id}.label`).toBe(true);
          expect(typeof t?.hint === 'string' && t.hint.trim() !== '', `optionGroups.${q.id}.${g.id}.hint`).toBe(true);
        }
  });
});

describe('checklists and option groups exist where these tests expect them', () => {
  // Guards against the two tests above passing vacuously.
  it('provision has checklist questions; personal-info groups its identification codes', () => {
    expect(provisionFlow.questions.some((q) => q.checklist)).toBe(true);
    const codes = personalInfoFlow.questions.find((q) => q.id === 'identifierCodes');
    expect(codes?.type === 'multi' && codes.groups?.length).toBeGreaterThan(0);
  });
});

describe('chain texts', () => {
  const because = collect(personalInfoFlow).because;
  it('the personal-info outcomes call for the next checks for these reasons', () => {
    expect(ids(because)).toEqual([
      'anonymised-info',
      'individual-related',
      'personal-data',
      'pseudonymised',
      'pseudonymised-info',
      'sensitive',
    ]);
  });
  it('the other flows call for none', () => {
    expect(collect(sensitiveAcquisitionFlow).because.size).toBe(0);
    expect(collect(provisionFlow).because.size).toBe(0);
  });
  it.each(LANGS)('%s: common:chain.because.<id> for each', (lang) => {
    const common = load(lang, 'common') as unknown as { chain?: { because?: Record<string, unknown> } };
    for (const id of because) {
      const t = common.chain?.because?.[id];
      expect(typeof t === 'string' && t.trim() !== '', `chain.because.${id}`).toBe(true);
    }
  });
});
