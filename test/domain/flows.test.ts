// The contract every flow of the registry keeps, checked the same way for each (adding a flow adds nothing here):
// walking every answer the rules ask reaches every outcome and produces exactly the flow's declared vocabulary;
// every id, question, option, notice, chain reason and deadline rule has its texts in both languages; chain offers
// start registered flows with valid facts; and the wizard machine, replaying one path per outcome and question
// sequence, asks the same questions and ends where evaluate() says (model-based).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { walk, type FlowDefinition, type WalkResult } from '../../src/domain/engine';
import { evaluate } from '../../src/domain/evaluate';
import { FLOWS, flowDefinition, isFlowId } from '../../src/domain/flows/registry';
import { createFlowMachine } from '../../src/domain/machine';
import type { FactValue } from '../../src/domain/types';
import { checkValue } from '../../src/domain/validate';
import { sampleAnswers } from './flow-helpers';

type Tree = Record<string, unknown>;
const LANGS = ['ja', 'en'] as const;
const load = (lang: string, ns: string) => JSON.parse(readFileSync(join(__dirname, `../../locales/${lang}/${ns}.json`), 'utf8')) as Tree;
const get = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
const isText = (x: unknown) => typeof x === 'string' && x.trim() !== '';

const KINDS = ['grounds', 'tags', 'notes', 'reasons'] as const;

type CompleteWalk = Extract<WalkResult, { kind: 'complete' }>;

interface Shape {
  outcome: string;
  path: string[];
  facts: Record<string, FactValue>;
}

interface Walked {
  outcomes: Set<string>;
  ids: Record<(typeof KINDS)[number] | 'duties' | 'notices' | 'chainReasons' | 'deadlineRules', Set<string>>;
  uncited: Set<string>;
  badDeadlines: string[];
  badOffers: string[];
  shapes: Shape[];
}

function record(def: FlowDefinition, facts: Record<string, FactValue>, r: CompleteWalk, w: Walked): void {
  const o = r.outcome;
  w.outcomes.add(o.outcome);
  for (const k of KINDS) for (const id of o[k]) w.ids[k].add(id);
  for (const d of o.duties) w.ids.duties.add(d);
  if (o.citations.length === 0) w.uncited.add(o.outcome);
  for (const n of def.notices?.(facts, o) ?? []) w.ids.notices.add(n);
  for (const d of o.deadlines) {
    const basis = r.deadlineBasis[d.duty];
    if (!o.duties.includes(d.duty) || !basis) w.badDeadlines.push(`${o.outcome}: ${d.duty}`);
    else {
      w.ids.deadlineRules.add(basis.rule);
      if (basis.undatedUntil && !def.questions.some((q) => q.id === basis.undatedUntil))
        w.badDeadlines.push(`${d.duty}: ${basis.undatedUntil}`);
    }
  }
  for (const offer of def.chainOffers?.(o) ?? []) {
    w.ids.chainReasons.add(offer.because);
    if (!isFlowId(offer.flow)) {
      w.badOffers.push(`unregistered flow ${offer.flow}`);
      continue;
    }
    const target = flowDefinition(offer.flow);
    for (const [id, v] of Object.entries(offer.facts)) {
      const q = target.questions.find((x) => x.id === id);
      if (!q || checkValue(q, v)) w.badOffers.push(`${offer.flow}.${id} = ${JSON.stringify(v)}`);
    }
  }
}

/**
 * Every answer combination the rules ask (each tri as yes or no, every option, each count sample the other answers
 * allow), and then each path again with each of its tri answers as "not sure" — rules that read "not sure" itself
 * (an extra note, a different date) can only be reached that way. The leak tree alone has about half a million
 * nodes, so this walks facts directly.
 */
function walkAll(def: FlowDefinition): Walked {
  const w: Walked = {
    outcomes: new Set(),
    ids: {
      grounds: new Set(),
      tags: new Set(),
      notes: new Set(),
      reasons: new Set(),
      duties: new Set(),
      notices: new Set(),
      chainReasons: new Set(),
      deadlineRules: new Set(),
    },
    uncited: new Set(),
    badDeadlines: [],
    badOffers: [],
    shapes: [],
  };
  const seen = new Set<string>();
  const visit = (facts: Record<string, FactValue>) => {
    const r = walk(def, facts, { mode: 'interactive' });
    if (r.kind === 'invalid') throw new Error(`${def.id}: the walk refused ${r.factId} (${r.problem})`);
    if (r.kind === 'complete') {
      record(def, facts, r, w);
      const key = JSON.stringify([r.outcome.outcome, r.path]);
      if (!seen.has(key)) w.shapes.push({ outcome: r.outcome.outcome, path: r.path, facts });
      seen.add(key);
      return;
    }
    for (const v of sampleAnswers(r.next, { facts })) if (v !== 'unsure') visit({ ...facts, [r.next.id]: v });
  };
  visit({});
  for (const s of w.shapes)
    for (const id of s.path) {
      if (def.questions.find((q) => q.id === id)?.type !== 'tri') continue;
      const facts = { ...s.facts, [id]: 'unsure' };
      const r = walk(def, facts, { mode: 'interactive' });
      if (r.kind === 'complete') record(def, facts, r, w);
    }
  return w;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe.each(FLOWS.map((f) => [f.id, f as FlowDefinition] as const))('flow %s', (_id, def) => {
  const w = walkAll(def);

  it('reaches every outcome it lists, and each has a tone', () => {
    expect(sorted(w.outcomes)).toEqual(sorted(def.outcomes));
    expect(sorted(Object.keys(def.tones))).toEqual(sorted(def.outcomes));
  });
  it.each(KINDS)('produces exactly the %s it declares', (kind) => {
    expect(sorted(w.ids[kind])).toEqual(sorted(def.vocabulary[kind]));
  });
  it('produces exactly the duties of its working order, each listed once', () => {
    expect(sorted(w.ids.duties)).toEqual(sorted(def.dutyOrder));
    expect(new Set(def.dutyOrder).size).toBe(def.dutyOrder.length);
  });
  it('produces exactly the notices and chain reasons it declares', () => {
    expect(sorted(w.ids.notices)).toEqual(sorted(def.vocabulary.notices ?? []));
    expect(sorted(w.ids.chainReasons)).toEqual(sorted(def.vocabulary.chainReasons ?? []));
  });
  it('every outcome lists its citations; every deadline belongs to one of its duties and says how it was set', () => {
    expect([...w.uncited]).toEqual([]);
    expect(w.badDeadlines).toEqual([]);
  });
  it('chain offers start registered flows with facts those flows accept', () => {
    expect(w.badOffers).toEqual([]);
  });

  it.each(LANGS)('%s: the flow, every question, option and group, and every outcome have their texts', (lang) => {
    const ns = load(lang, def.id);
    for (const key of ['title', 'subtitle', 'description']) expect(isText(get(ns, key)), key).toBe(true);
    for (const q of def.questions) {
      for (const part of ['title', 'hint', 'explanation'])
        expect(isText(get(ns, `questions.${q.id}.${part}`)), `${q.id}.${part}`).toBe(true);
      const examples = get(ns, `questions.${q.id}.examples`);
      expect(Array.isArray(examples) && examples.length >= 1 && examples.length <= 3 && examples.every(isText), `${q.id}.examples`).toBe(
        true,
      );
      if (q.type === 'tri') expect(isText(get(ns, `questions.${q.id}.unsure`)), `${q.id}.unsure`).toBe(true);
      // What "unknown" is read as depends on the question's threshold, so each count question says it.
      if (q.type === 'count') expect(isText(get(ns, `questions.${q.id}.unknownHint`)), `${q.id}.unknownHint`).toBe(true);
      if (q.type === 'enum' || q.type === 'multi')
        for (const o of q.options) expect(isText(get(ns, `options.${q.id}.${o}.label`)), `${q.id}.${o}`).toBe(true);
      if (q.type === 'multi')
        for (const g of q.groups ?? []) {
          expect(isText(get(ns, `optionGroups.${q.id}.${g.id}.label`)), `${q.id} group ${g.id}`).toBe(true);
          expect(isText(get(ns, `optionGroups.${q.id}.${g.id}.hint`)), `${q.id} group ${g.id}`).toBe(true);
        }
      if (q.checklist) {
        const list = get(ns, `questions.${q.id}.checklist`);
        expect(Array.isArray(list) && list.length > 0 && list.every(isText), `${q.id}.checklist`).toBe(true);
      }
    }
    for (const o of def.outcomes)
      for (const part of ['title', 'summary']) expect(isText(get(ns, `outcomes.${o}.${part}`)), `outcomes.${o}.${part}`).toBe(true);
  });
  it.each(LANGS)('%s: every ground, tag, duty, note and reason has a title and an explanation', (lang) => {
    const ns = load(lang, def.id);
    const ids: [string, readonly string[]][] = [
      ...KINDS.map((k) => [k, def.vocabulary[k]] as [string, readonly string[]]),
      ['duties', def.dutyOrder],
    ];
    for (const [kind, list] of ids)
      for (const id of list)
        for (const part of ['title', 'explanation']) expect(isText(get(ns, `${kind}.${id}.${part}`)), `${kind}.${id}.${part}`).toBe(true);
  });
  it.each(LANGS)('%s: every notice, chain reason and deadline rule it produces has its text', (lang) => {
    const ns = load(lang, def.id);
    for (const n of def.vocabulary.notices ?? []) expect(isText(get(ns, `notices.${n}`)), `notices.${n}`).toBe(true);
    for (const c of def.vocabulary.chainReasons ?? []) expect(isText(get(ns, `chainReasons.${c}`)), `chainReasons.${c}`).toBe(true);
    for (const r of w.ids.deadlineRules) expect(isText(get(ns, `deadlineRules.${r}`)), `deadlineRules.${r}`).toBe(true);
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

  it('model-based: every path replays on a fresh wizard — the same questions in order, the same final state and output', () => {
    const machine = createFlowMachine(def);
    expect(w.shapes.length).toBeGreaterThanOrEqual(def.outcomes.length);
    for (const s of w.shapes) {
      const actor = createActor(machine, { input: {} }).start();
      const asked: string[] = [];
      for (const id of s.path) {
        asked.push(String(actor.getSnapshot().context.current));
        actor.send({ type: 'ANSWER', value: s.facts[id] as FactValue });
      }
      expect(asked, `${s.outcome} via ${s.path.join(' → ')}`).toEqual(s.path);
      expect(actor.getSnapshot().value).toBe('review');
      actor.send({ type: 'CONFIRM' });
      const snap = actor.getSnapshot();
      expect(snap.status).toBe('done');
      expect(snap.value).toBe(s.outcome);
      const r = evaluate(def.id, snap.context.facts);
      expect(r.ok && snap.output).toEqual(r.ok && r.outcome);
    }
  });
});

describe('the guards against passing vacuously', () => {
  it('some flow has checklist questions, option groups, notices, chain offers and dated deadlines', () => {
    const defs = FLOWS as readonly FlowDefinition[];
    expect(defs.some((d) => d.questions.some((q) => q.checklist))).toBe(true);
    expect(defs.some((d) => d.questions.some((q) => q.type === 'multi' && q.groups?.length))).toBe(true);
    expect(defs.some((d) => d.vocabulary.notices?.length)).toBe(true);
    expect(defs.some((d) => d.vocabulary.chainReasons?.length)).toBe(true);
    expect(defs.some((d) => d.questions.some((q) => q.type === 'date'))).toBe(true);
  });
});
