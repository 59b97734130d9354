// Shared set-up for the UI tests: a fresh in-memory database, the app state, and wizard screens opened on a saved envelope.

import { render, screen } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Facts, FactValue } from '../../src/domain/types';
import flowCards from 'virtual:flow-cards';
import { createI18n, type Lang } from '../../src/i18n';
import { AssessmentRepository } from '../../src/storage/assessments';
import { SettingsRepository } from '../../src/storage/settings';
import { CaseRepository } from '../../src/storage/cases';
import { openDb, type ShirubeDb } from '../../src/storage/db';
import { newEnvelope, readEnvelope, type Envelope, type Position } from '../../src/storage/envelope';
import { AppState } from '../../src/ui/app-state.svelte';
import { leakFacts, leakFactsBefore } from '../fixtures/leak-facts';
import AssessmentScreen from '../../src/ui/AssessmentScreen.svelte';
import jaCommonTexts from '../../locales/ja/common.json';
import jaScreens from '../../locales/ja/screens.json';
import jaRecords from '../../locales/ja/records.json';
import jaLeak from '../../locales/ja/leak.json';
import enCommonTexts from '../../locales/en/common.json';
import enScreens from '../../locales/en/screens.json';
import enLeak from '../../locales/en/leak.json';

/** The app's shared texts as the tests look them up: the first screens' (common) and the other screens' (screens). */
const jaCommon = { ...jaCommonTexts, ...jaScreens };
const enCommon = { ...enCommonTexts, ...enScreens };

export { jaCommon, jaRecords, jaLeak, enCommon, enLeak };

export interface TestApp {
  app: AppState;
  db: ShirubeDb;
  assessments: AssessmentRepository;
  settings: SettingsRepository;
  cases: CaseRepository;
}

export async function makeApp(lang: Lang = 'ja'): Promise<TestApp> {
  // As the app starts: every flow named in both languages from the start (virtual:flow-cards).
  const i18n = await createI18n(lang, { flowCards });
  const db = openDb(`t-${Math.random()}`, new IDBFactory());
  const assessments = new AssessmentRepository(db);
  const settings = new SettingsRepository(db);
  const cases = new CaseRepository(db);
  const app = new AppState(i18n, assessments, settings, lang, cases);
  return { app, db, assessments, settings, cases };
}

/** Title of a leak question in Japanese (from locales/ja/leak.json). */
export const qTitle = (id: keyof typeof jaLeak.questions): string => jaLeak.questions[id].title;

/** The full reportable path (business, leak, sensitive yes, one person), with knownOn 2025-12-05. */
export const REPORTABLE_FACTS: Facts = leakFacts({ sensitive: 'yes', persons: 1, knownOn: '2025-12-05' }, ['ransomware']);

/** The same case up to (not including) `persons`. */
export const SENSITIVE_LEAK_TO_PERSONS: Facts = leakFactsBefore('persons', { sensitive: 'yes' });

export async function saveAssessment(
  t: TestApp,
  opts: { id?: string; title?: string; facts?: Record<string, FactValue>; position?: Position } = {},
): Promise<Envelope> {
  const env = newEnvelope('leak', opts.id ?? `a-${Math.random().toString(36).slice(2)}`, opts.title ?? 'テスト案件', new Date());
  const full: Envelope = { ...env, facts: { ...(opts.facts ?? {}) }, ...(opts.position ? { position: opts.position } : {}) };
  await t.assessments.save(full);
  return full;
}

/** Saves an envelope and renders the assessment screen on it; resolves once the first heading is shown. */
export async function openAssessment(
  t: TestApp,
  opts: { id?: string; title?: string; facts?: Record<string, FactValue>; position?: Position } = {},
): Promise<Envelope> {
  const env = await saveAssessment(t, opts);
  render(AssessmentScreen, { props: { app: t.app, id: env.id } });
  await screen.findByRole('heading', { level: 1 });
  return env;
}

/** The stored envelope, after every queued save has finished. */
export async function stored(t: TestApp, id: string): Promise<Envelope> {
  await t.assessments.flush();
  const env = await t.assessments.get(id);
  if (!env) throw new Error(`assessment ${id} is not stored`);
  return env;
}

export const h1 = (): HTMLElement => screen.getByRole('heading', { level: 1 });

/** Waits until the page's level-1 heading reads `text`. */
export async function expectHeading(text: string): Promise<HTMLElement> {
  return screen.findByRole('heading', { level: 1, name: text });
}

/** A current record: made under this build's rules, keeping the verdict the 2026-12 revision replaced. */
export const fixturePath = join(__dirname, '../fixtures/envelope-v3.json');
export const fixtureText = (): string => readFileSync(fixturePath, 'utf8');
/** A record saved at schema version 1, before the rules revision 2026-12. */
export const v1FixtureText = (): string => readFileSync(join(__dirname, '../fixtures/envelope-v1.json'), 'utf8');
/** A fixture as the app holds it after reading: migrated to the current envelope version. */
export const fixture = (text: string = fixtureText()): Envelope => {
  const r = readEnvelope(JSON.parse(text));
  if (!r.ok) throw new Error(`fixture unreadable: ${JSON.stringify(r.problem)}`);
  return r.envelope;
};
