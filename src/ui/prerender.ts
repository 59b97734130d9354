// The build-time prerender of the first screens (run in Vite's server renderer by scripts/prerender-plugin.ts): the home
// page and each flow's start page, in the primary language, as the HTML index.html paints before any script runs.

import { render } from 'svelte/server';
import flowCards from 'virtual:flow-cards';
import { implementedFlows } from '../domain/flows/registry';
import { createI18n, DEFAULT_LANG } from '../i18n';
import type { AssessmentRepository } from '../storage/assessments';
import type { CaseRepository } from '../storage/cases';
import type { SettingsRepository } from '../storage/settings';
import { AppState } from './app-state.svelte';
import Prerendered from './Prerendered.svelte';

export interface PrerenderedPage {
  /** The route of a start page's address (`#/new/leak` → "/new/leak"); null for the home page. */
  id: string | null;
  html: string;
}

/** Nothing is read or written while rendering on the server (effects do not run there); a use would be a bug. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, key) => {
      throw new Error(`prerender: ${name}.${String(key)} used while rendering on the server`);
    },
  });
}

export async function prerender(): Promise<PrerenderedPage[]> {
  const flows = implementedFlows().map((f) => f.id);
  const i18n = await createI18n(DEFAULT_LANG, { namespaces: ['common', ...flows], flowCards });
  const app = new AppState(
    i18n,
    unused<AssessmentRepository>('assessments'),
    unused<SettingsRepository>('settings'),
    DEFAULT_LANG,
    unused<CaseRepository>('cases'),
  );
  return [
    { id: null, html: render(Prerendered, { props: { app } }).body },
    ...flows.map((flow) => ({ id: `/new/${flow}`, html: render(Prerendered, { props: { app, flow } }).body })),
  ];
}
