// Starting runs: a new one from a start page, and a chained one that carries facts from another run's outcome.

import { describe, expect, it } from 'vitest';
import { chainRun, startRun } from '../../src/app/runs';
import { chainOffers } from '../../src/domain/flows/registry';
import { evaluate } from '../../src/domain/evaluate';
import { newEnvelope } from '../../src/storage/envelope';
import { PI_SENSITIVE_PERSONAL_DATA } from '../fixtures/flow-facts';

const now = new Date('2026-12-02T00:00:00Z');

describe('startRun', () => {
  it('a titled run of the flow, alone or in a case, with the title trimmed', () => {
    expect(startRun('leak', 'r1', '  顧客名簿の誤送信 ', now)).toMatchObject({
      id: 'r1',
      flow: 'leak',
      title: '顧客名簿の誤送信',
      caseId: null,
    });
    expect(startRun('provision', 'r2', '', now, 'case-1')).toMatchObject({ caseId: 'case-1', prefilled: [], chainedFrom: null });
  });
});

describe('chainRun', () => {
  const source = { ...newEnvelope('personal-info', 'src', '会員データ', now, { caseId: 'case-1' }), facts: PI_SENSITIVE_PERSONAL_DATA };
  const result = evaluate('personal-info', PI_SENSITIVE_PERSONAL_DATA);
  const offers = result.ok ? chainOffers(result.outcome) : [];

  it('carries the offered facts, marked as prefilled, in the same case, and opens on the first question', () => {
    const provision = offers.find((o) => o.flow === 'provision');
    if (!provision) throw new Error('personal data must call for the provision check');
    const run = chainRun(source, provision, 'next', now);
    expect(run).toMatchObject({
      flow: 'provision',
      caseId: 'case-1',
      chainedFrom: 'src',
      title: '会員データ',
      facts: { dataKind: 'personal-data' },
      prefilled: ['dataKind'],
      position: { screen: 'question', question: 'othersCanUse' },
    });
  });

  it('opens on the carried question itself when it is the first one asked', () => {
    const sensitive = offers.find((o) => o.flow === 'sensitive-acquisition');
    if (!sensitive) throw new Error('要配慮 data must call for the sensitive-acquisition check');
    expect(chainRun(source, sensitive, 'next', now).position).toEqual({ screen: 'question', question: 'sensitive' });
  });
});
