// Lazily loaded entry for "download PDF": builds the model in the chosen language, renders and saves it.

import type { i18n as I18n } from 'i18next';
import { ensureLanguage, fixedT, tList, type Lang } from '../i18n';
import type { CaseBundle } from '../storage/cases';
import type { Envelope } from '../storage/envelope';
import { buildCaseReportModel, buildReportModel } from './build-model';
import { caseFileName, exportFileName } from './json';
import { renderPdf } from './pdf';
import { loadBrowserPdfAssets } from './pdf-assets.browser';
import { saveBytes } from './save-file';

export async function makePdf(i18n: I18n, lang: Lang, env: Envelope, now = new Date()): Promise<Uint8Array> {
  await ensureLanguage(i18n, lang);
  const model = buildReportModel(env, fixedT(i18n, lang), lang, now, (key) => tList(i18n, lang, key));
  return renderPdf(model, await loadBrowserPdfAssets());
}

export async function downloadPdf(i18n: I18n, lang: Lang, env: Envelope): Promise<void> {
  const bytes = await makePdf(i18n, lang, env);
  saveBytes(bytes, exportFileName(env, 'pdf'), 'application/pdf');
}

/** The combined summary of a data use case (案件), with the case bundle embedded for re-import. */
export async function makeCasePdf(i18n: I18n, lang: Lang, bundle: CaseBundle, now = new Date()): Promise<Uint8Array> {
  await ensureLanguage(i18n, lang);
  const model = buildCaseReportModel(bundle, fixedT(i18n, lang), lang, now, (key) => tList(i18n, lang, key));
  return renderPdf(model, await loadBrowserPdfAssets());
}

export async function downloadCasePdf(i18n: I18n, lang: Lang, bundle: CaseBundle): Promise<void> {
  saveBytes(await makeCasePdf(i18n, lang, bundle), caseFileName(bundle, 'pdf'), 'application/pdf');
}
