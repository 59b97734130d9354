// The PDF writer's Node bench (a leak summary and a three-run case summary) and its sample reports, shared with the tests.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { PdfAssets } from '../src/report/pdf';
import type { ReportItem, ReportModel } from '../src/report/report-model';

const require = createRequire(import.meta.url);

const files = new Map<string, Uint8Array>();
/** One array per file, as in the browser loader, so the subsetter's face cache and the cmap cache hit. */
const read = (specifier: string) => {
  let bytes = files.get(specifier);
  if (!bytes) files.set(specifier, (bytes = new Uint8Array(readFileSync(require.resolve(specifier)))));
  return bytes;
};

/**
 * The same files the browser loader fetches, read from node_modules. There is no device to draw what no font has,
 * so such a character is a placeholder box (`fallbacks: false` leaves out the emoji and Arabic fonts too).
 */
export function loadNodePdfAssets(options: { bold?: boolean; fallbacks?: boolean } = {}): PdfAssets {
  return {
    regular: read('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
    ...(options.bold ? { bold: read('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf') } : {}),
    harfbuzzWasm: read('harfbuzzjs/dist/harfbuzz-subset.wasm'),
    ...(options.fallbacks === false
      ? {}
      : {
          fallbacks: [
            // Loaders, as in the browser: read only when a document needs them.
            { name: 'NotoEmoji', font: async () => read('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf') },
            {
              name: 'NotoSansArabic',
              font: async () => read('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
            },
          ],
        }),
  };
}

const JA_QUESTIONS: [string, string][] = [
  ['漏えい等が発生した（又はそのおそれがある）のはいつですか。', '2026年3月2日（月）に判明しました。'],
  ['対象となった情報に個人データは含まれますか。', 'はい'],
  ['要配慮個人情報（病歴・診断名など）が含まれますか。', 'はい（鬱病の診断書の写し）'],
  ['不正の目的による漏えい等のおそれはありますか。', 'いいえ'],
  ['財産的被害が生じるおそれのある個人データ（クレジットカード番号等）は含まれますか。', 'いいえ'],
  ['漏えい等した本人の数はおおよそ何人ですか。', '1人'],
  ['データは高度な暗号化その他の保護措置が講じられていましたか。', 'いいえ（PDFにパスワードは設定されていませんでした）'],
  ['誤送信先の相手方は特定できていますか。', 'はい。取引先の担当者（1名）です。'],
  ['誤送信先から削除の確認は取れましたか。', 'わからない'],
  ['委託先から提供を受けた個人データですか。', 'いいえ'],
  ['外国にある第三者への提供は含まれますか。', 'いいえ'],
  ['事業者の種別を選んでください。', '民間の個人情報取扱事業者'],
  ['本人への通知は可能ですか。', 'はい。電話と書面で連絡できます。'],
  ['再発防止策は検討済みですか。', 'はい：送信前のダブルチェックと、添付ファイルの自動暗号化を導入予定。'],
  ['他に報告が必要な監督官庁はありますか。', 'わからない（業界団体のガイドラインを確認中）'],
];

const EN_QUESTIONS: [string, string][] = [
  ['When did the leak happen (or when did you become aware of it)?', 'Discovered on Monday 2 March 2026.'],
  ['Does the information include personal data?', 'Yes'],
  ['Does it include special care-required personal information (medical history, diagnoses)?', 'Yes (a copy of a depression diagnosis)'],
  ['Could the leak have been caused for an unlawful purpose?', 'No'],
  ['Does it include data whose misuse could cause financial damage (e.g. card numbers)?', 'No'],
  ['Roughly how many people are affected?', '1'],
  ['Was the data protected by strong encryption or equivalent measures?', 'No (the PDF had no password)'],
  ['Do you know who received the misdirected email?', 'Yes — one contact at a business partner.'],
  ['Has the recipient confirmed deletion?', 'Not sure'],
  ['Was the data entrusted to you by another business?', 'No'],
  ['Was any of it provided to a third party in a foreign country?', 'No'],
  ['What kind of business are you?', 'A private-sector business handling personal information'],
  ['Can the affected person be notified?', 'Yes, by phone and in writing.'],
  ['Have you decided on measures to prevent a recurrence?', 'Yes: a second check before sending, and automatic encryption of attachments.'],
  ['Is there another supervising authority you must report to?', 'Not sure (checking the industry guidelines)'],
];

const envelope = (title: string) =>
  JSON.stringify({
    format: 'shirube-assessment',
    schemaVersion: 1,
    ruleset: 'appi-2022.04',
    id: '5f0c2d1e-9a7b-4c3d-8e2f-1a2b3c4d5e6f',
    flow: 'leak',
    title,
    facts: { sensitive: 'yes', count: 1, encrypted: 'no', note: '改行\nと "引用符" と <タグ> & 絵文字😀' },
    outcome: null,
    position: { screen: 'outcome' },
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T10:40:12.345Z',
  });

/** A realistic two-page summary; `questions` (≤ 15 each time) can be repeated to force more pages. */
export function sampleReportModel(lang: 'ja' | 'en' = 'ja', repeatQuestions = 1): ReportModel {
  const ja = lang === 'ja';
  const title = ja ? '髙橋さんの鬱病診断書 誤送信' : 'Misdirected email with a diagnosis (Takahashi)';
  const qa = ja ? JA_QUESTIONS : EN_QUESTIONS;
  const answers: ReportItem[] = [];
  for (let r = 0; r < repeatQuestions; r++) for (const [title, body] of qa) answers.push({ title, body });
  return {
    lang,
    heading: ja ? '個人情報保護法 判定結果' : 'APPI assessment result',
    title,
    meta: ja
      ? [
          { label: '作成日', value: '2026年3月2日（月）' },
          { label: '基準', value: '個人情報保護法（令和4年4月1日施行）' },
          { label: '判定フロー', value: '漏えい等の報告' },
          { label: '判定ID', value: '5f0c2d1e' },
        ]
      : [
          { label: 'Created', value: 'Monday 2 March 2026' },
          { label: 'Ruleset', value: 'APPI as in force from 1 April 2022' },
          { label: 'Flow', value: 'Leak reporting' },
          { label: 'Assessment ID', value: '5f0c2d1e' },
        ],
    verdict: {
      label: ja ? '判定' : 'Verdict',
      text: ja ? '個人情報保護委員会への報告が必要です' : 'You must report to the Personal Information Protection Commission',
      provisional: ja
        ? '暫定的な結果です：「わからない」と回答した質問が2問あります。回答が確定したら見直してください。'
        : 'Provisional result: you answered “Not sure” to 2 questions. Review it once the answers are known.',
    },
    sections: [
      {
        heading: ja ? 'しなければならないこと' : 'What you must do',
        items: ja
          ? [
              {
                title: '個人情報保護委員会への速報',
                body: '漏えい等の事態を知った時から速やかに（おおむね3〜5日以内に）、委員会に報告します。報告はオンラインの報告フォームから行うことができます。',
                emphasis: '期限：2026年3月5日（木）頃まで',
                meta: '個人情報保護法施行規則 第8条第1項',
              },
              {
                title: '個人情報保護委員会への確報',
                body: '事態を知った日から30日以内に、調査結果を含めた確報を提出します。',
                emphasis: '期限：2026年3月31日（火）',
                meta: '施行規則 第8条第2項（期限が休日に当たるときは翌営業日）',
              },
              {
                title: '本人への通知',
                body: '本人の権利利益を保護するため、状況に応じて速やかに本人へ通知します。',
                meta: '個人情報保護法 第26条第2項',
              },
            ]
          : [
              {
                title: 'Preliminary report to the Personal Information Protection Commission',
                body: 'Report promptly (roughly within 3 to 5 days) after becoming aware of the incident. The online report form can be used.',
                emphasis: 'Due: around Thursday 5 March 2026',
                meta: 'APPI Enforcement Rules, Art. 8(1)',
              },
              {
                title: 'Final report to the Commission',
                body: 'Submit a final report including the results of your investigation within 30 days of becoming aware.',
                emphasis: 'Due: Tuesday 31 March 2026',
                meta: 'Enforcement Rules, Art. 8(2) (moved to the next business day when it falls on a holiday)',
              },
              {
                title: 'Notify the person concerned',
                body: 'Notify the affected person promptly, as appropriate to the situation, to protect their rights and interests.',
                meta: 'APPI Art. 26(2)',
              },
            ],
      },
      {
        heading: ja ? '判定の根拠' : 'Grounds',
        items: [
          {
            title: ja ? '要配慮個人情報の漏えい' : 'Leak of special care-required personal information',
            body: ja
              ? '診断書には病歴が記載されており、要配慮個人情報に当たります。要配慮個人情報の漏えい等は、人数にかかわらず報告対象です。'
              : 'A diagnosis records medical history, which is special care-required personal information; its leak must be reported regardless of the number of people.',
            meta: ja ? '施行規則 第7条第1号' : 'Enforcement Rules, Art. 7(i)',
          },
        ],
      },
      { heading: ja ? '回答した質問' : 'Your answers', items: answers },
    ],
    disclaimer: ja
      ? 'この結果は入力された回答に基づく参考情報であり、法的助言ではありません。最終的な判断は、個人情報保護委員会のガイドライン等を確認のうえ行ってください。'
      : 'This result is for reference based on your answers and is not legal advice. Check the Commission’s guidelines before making a final decision.',
    footer: ja ? 'しるべ — {page} / {pages} ページ' : 'Shirube — page {page} of {pages}',
    envelopeJson: envelope(title),
    properties: {
      title: ja ? `個人情報保護法 判定結果 — ${title}` : `APPI assessment — ${title}`,
      subject: ja ? '漏えい等の報告' : 'Leak reporting',
      author: 'Shirube',
      keywords: ja ? '個人情報保護法, 漏えい, 報告' : 'APPI, leak, report',
    },
  };
}

/** Renders `model` in Node: a cold run (wasm compile, font parse) then the median of seven warm runs. */
async function timeRender(model: ReportModel): Promise<{ firstMs: number; warmMs: number; pdf: Uint8Array }> {
  const { renderPdf } = await import('../src/report/pdf');
  const assets = loadNodePdfAssets();
  let start = performance.now();
  const pdf = await renderPdf(model, assets);
  const firstMs = performance.now() - start;
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    start = performance.now();
    await renderPdf(model, assets);
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  return { firstMs, warmMs: warm[Math.floor(warm.length / 2)] ?? 0, pdf };
}

/** The Japanese leak sample in Node. */
export async function benchPdfNode(): Promise<{ firstMs: number; warmMs: number; bytes: number }> {
  const { firstMs, warmMs, pdf } = await timeRender(sampleReportModel('ja'));
  return { firstMs, warmMs, bytes: pdf.byteLength };
}

/**
 * The combined case summary in Node: the public three-run case fixture (personal-info → sensitive-acquisition →
 * provision) built with the real Japanese texts.
 */
export async function benchCasePdfNode(): Promise<{ firstMs: number; warmMs: number; bytes: number; pages: number }> {
  const { buildCaseReportModel } = await import('../src/report/build-model');
  const { createI18n, fixedT, tList } = await import('../src/i18n');
  const root = new URL('..', import.meta.url);
  const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;
  const i18n = await createI18n('ja', async (lang, ns) => readJson(`locales/${lang}/${ns}.json`));
  const { readCaseBundle } = await import('../src/storage/cases');
  // Read as the app reads it: validated, runs migrated to the current envelope version.
  const read = readCaseBundle(readJson('test/fixtures/case-v3.json'));
  if (!read.ok) throw new Error(`case fixture unreadable: ${JSON.stringify(read.problem)}`);
  const bundle = read.bundle;
  const model = buildCaseReportModel(bundle, fixedT(i18n, 'ja'), 'ja', new Date('2026-11-21T00:00:00Z'), (key) => tList(i18n, 'ja', key));
  const { firstMs, warmMs, pdf } = await timeRender(model);
  // Page objects in the file ("/Type /Page", not "/Pages"): enough to say how long the summary is.
  const pages = (new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { firstMs, warmMs, bytes: pdf.byteLength, pages };
}
