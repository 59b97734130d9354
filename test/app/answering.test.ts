// The "carried over" mark on an answer: kept while the carried answer is kept, gone once it is changed or pruned.

import { describe, expect, it } from 'vitest';
import { prefilledAfterAnswer, prefilledStillAnswered } from '../../src/app/answering';

describe('prefilled answers', () => {
  const facts = { dataKind: 'personal-data', sensitive: 'yes' };
  it('answering a carried question the same way keeps the mark', () => {
    expect(prefilledAfterAnswer(['dataKind', 'sensitive'], facts, 'dataKind', 'personal-data')).toEqual(['dataKind', 'sensitive']);
  });
  it('changing it makes the answer the user own', () => {
    expect(prefilledAfterAnswer(['dataKind', 'sensitive'], facts, 'dataKind', 'anonymised')).toEqual(['sensitive']);
  });
  it('a carried fact pruned from the answers is no longer prefilled', () => {
    expect(prefilledStillAnswered(['dataKind', 'sensitive'], { sensitive: 'yes' })).toEqual(['sensitive']);
  });
});
