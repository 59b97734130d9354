// What can happen to a saved record besides answering: the reason beside an answer, its title and people, sign-off
// (read-only from then) and a new version of it, assessment under newer rules, archiving, and a duplicate. Each is a
// pure step that keeps the change in the record's history.

import { evaluate } from '../domain/evaluate';
import { RULES_REVISION } from '../domain/ruleset';
import { NAME_MAX, NOTE_MAX, TITLE_MAX } from '../domain/schema-parts';
import type { Envelope, HistoryEntry } from './envelope';

/** Why a change to a record is refused. */
export type RecordRefusal = 'signed-off' | 'too-long' | 'no-such-answer' | 'not-complete' | 'not-signed-off';
export type RecordStep = { ok: true; envelope: Envelope } | { ok: false; refusal: RecordRefusal };

const done = (env: Envelope, entry: HistoryEntry | null, change: Partial<Envelope>): RecordStep => ({
  ok: true,
  envelope: { ...env, ...change, history: entry ? [...env.history, entry] : env.history, updatedAt: entry ? entry.at : env.updatedAt },
});

/** Set (or with an empty text, clear) the reason beside an answer. */
export function setAnswerNote(env: Envelope, factId: string, note: string, now: Date): RecordStep {
  if (env.signedOffAt) return { ok: false, refusal: 'signed-off' };
  if (!Object.prototype.hasOwnProperty.call(env.facts, factId)) return { ok: false, refusal: 'no-such-answer' };
  const text = note.trim();
  if (text.length > NOTE_MAX) return { ok: false, refusal: 'too-long' };
  const from = env.answerNotes[factId] ?? null;
  if ((from ?? '') === text) return { ok: true, envelope: env };
  const answerNotes = { ...env.answerNotes };
  if (text) answerNotes[factId] = text;
  else delete answerNotes[factId];
  return done(env, { at: now.toISOString(), kind: 'note', factId, from, to: text || null }, { answerNotes });
}

/** Rename the record, or name who assessed or reviewed it. */
export function setRecordText(env: Envelope, field: 'title' | 'assessor' | 'reviewer', value: string, now: Date): RecordStep {
  if (env.signedOffAt) return { ok: false, refusal: 'signed-off' };
  const text = value.trim();
  if (text.length > (field === 'title' ? TITLE_MAX : NAME_MAX)) return { ok: false, refusal: 'too-long' };
  if (env[field] === text) return { ok: true, envelope: env };
  return done(env, { at: now.toISOString(), kind: field, from: env[field], to: text }, { [field]: text });
}

/** Sign off a finished record: from now on it is read-only (a change starts a new version that links to it). */
export function signOff(env: Envelope, now: Date): RecordStep {
  if (env.signedOffAt) return { ok: false, refusal: 'signed-off' };
  if (!env.outcome || !evaluate(env.flow, env.facts).ok) return { ok: false, refusal: 'not-complete' };
  const at = now.toISOString();
  return done(env, { at, kind: 'signed-off', by: env.reviewer || env.assessor }, { signedOffAt: at });
}

/** A new, editable version of a signed-off record, linked to it; the signed-off one stays as it is. */
export function newVersion(env: Envelope, id: string, now: Date): RecordStep {
  if (!env.signedOffAt) return { ok: false, refusal: 'not-signed-off' };
  const at = now.toISOString();
  return {
    ok: true,
    envelope: {
      ...structuredClone(env),
      id,
      createdAt: at,
      updatedAt: at,
      signedOffAt: null,
      reviewer: '',
      // The version being worked on is in the everyday view, even when the signed-off one was archived.
      archived: false,
      previousVersion: env.id,
      history: [...env.history, { at, kind: 'new-version', by: env.assessor, ref: env.id }],
      rev: 0,
    },
  };
}

/**
 * Accept the current rules' result for a record made under older rules: its saved verdict goes to priorOutcomes
 * (kept as evidence), and the history says when and from which revision. Refused while the current rules need more
 * answers (answer them in the wizard instead) and for a signed-off record (start a new version).
 */
export function acceptCurrentRules(env: Envelope, now: Date): RecordStep {
  if (env.signedOffAt) return { ok: false, refusal: 'signed-off' };
  const r = evaluate(env.flow, env.facts);
  if (!r.ok) return { ok: false, refusal: 'not-complete' };
  const at = now.toISOString();
  const same = JSON.stringify(env.outcome) === JSON.stringify(r.outcome);
  // Already the current rules' result: nothing to accept, and nothing for the history.
  if (same && env.rulesRevision === RULES_REVISION) return { ok: true, envelope: env };
  return done(
    env,
    { at, kind: 'rules', from: env.rulesRevision, to: RULES_REVISION },
    {
      outcome: r.outcome,
      rulesRevision: RULES_REVISION,
      position: { screen: 'outcome' },
      priorOutcomes:
        env.outcome && !same
          ? [...env.priorOutcomes, { outcome: env.outcome, rulesRevision: env.rulesRevision, savedAt: env.updatedAt, replacedAt: at }]
          : env.priorOutcomes,
    },
  );
}

/** Out of (or back into) the library's everyday view; archiving changes nothing else, so a signed-off record may. */
export function setArchived(env: Envelope, archived: boolean): Envelope {
  return { ...env, archived };
}

/** At most `max` UTF-16 units, never ending in half a surrogate pair (which no text can show or encode). */
function clip(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** "Same incident, new facts": a copy to work on, with its own id and history, linked to nothing. */
export function duplicate(env: Envelope, id: string, title: string, now: Date): Envelope {
  const at = now.toISOString();
  return {
    ...structuredClone(env),
    id,
    title: clip(title, TITLE_MAX),
    createdAt: at,
    updatedAt: at,
    signedOffAt: null,
    reviewer: '',
    archived: false,
    previousVersion: null,
    history: [],
    rev: 0,
  };
}
