// The citations registry: every legal source the app shows, by stable id, with its structured reference.
// Titles live in locales (citations namespace); `ref` is the short English reference stored in outcomes.

export type Law =
  | 'appi' // 個人情報の保護に関する法律
  | 'order' // 個人情報の保護に関する法律施行令
  | 'rules' // 個人情報の保護に関する法律施行規則
  | 'gl-general' // PPC guideline, General Rules (通則編)
  | 'gl-offshore' // PPC guideline, Provision to Third Parties in Foreign Countries (外国にある第三者への提供編)
  | 'ppc-qa' // PPC Q&A on the guidelines (「個人情報の保護に関する法律についてのガイドライン」に関するQ&A)
  | 'holidays-act' // 行政機関の休日に関する法律
  | 'ppc-page' // PPC web page (not law; where the app relies on a PPC page's wording)
  | 'agreement' // inter-ministerial agreement (ransomware common form)
  | 'pmark' // PrivacyMark grant rules (contractual, not law)
  | 'mynumber-act' // 行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）
  | 'mynumber-rules' // 特定個人情報の漏えい等に関する報告等に関する規則
  | 'mynumber-qa' // PPC Q&A on the My Number guidelines (特定個人情報の適正な取扱いに関するガイドラインQ&A)
  | 'ppc-faq-fin'; // PPC Q&A on the financial-sector guidelines (金融分野ガイドライン等Q&A)

export interface Citation {
  id: string;
  law: Law;
  /** Article, guideline section (e.g. "3-5-1") or Q&A number (e.g. "7-53"). */
  article: string;
  /** Branch number of the article (枝番号): 番号法第29条の4 is article "29", branch "4". */
  branch?: string;
  paragraph?: string;
  /** Item number in lower-case roman numerals, as in the spec ("iii"). */
  item?: string;
  /** Short English reference stored in Outcome.citations, e.g. "APPI 26(1)", "Rules 7(iii)". */
  ref: string;
  /** The rulebook marks this source UNVERIFIED: the UI says so. */
  unverified?: boolean;
}

const c = (id: string, law: Law, ref: string, article: string, paragraph?: string, item?: string, unverified?: boolean): Citation => ({
  id,
  law,
  ref,
  article,
  ...(paragraph ? { paragraph } : {}),
  ...(item ? { item } : {}),
  ...(unverified ? { unverified } : {}),
});

/** An article with a branch number (第N条のM). */
const cb = (id: string, law: Law, ref: string, article: string, branch: string, paragraph?: string): Citation => ({
  ...c(id, law, ref, article, paragraph),
  branch,
});

const ALL: Citation[] = [
  c('appi-2-1', 'appi', 'APPI 2(1)', '2', '1'),
  c('appi-2-1-i', 'appi', 'APPI 2(1)(i)', '2', '1', 'i'),
  c('appi-2-1-ii', 'appi', 'APPI 2(1)(ii)', '2', '1', 'ii'),
  c('appi-2-2', 'appi', 'APPI 2(2)', '2', '2'),
  c('appi-2-3', 'appi', 'APPI 2(3)', '2', '3'),
  c('appi-2-5', 'appi', 'APPI 2(5)', '2', '5'),
  c('appi-2-6', 'appi', 'APPI 2(6)', '2', '6'),
  c('appi-2-7', 'appi', 'APPI 2(7)', '2', '7'),
  c('appi-2-11', 'appi', 'APPI 2(11)', '2', '11'),
  c('appi-16-1', 'appi', 'APPI 16(1)', '16', '1'),
  c('appi-16-3', 'appi', 'APPI 16(3)', '16', '3'),
  c('appi-16-4', 'appi', 'APPI 16(4)', '16', '4'),
  c('appi-16-8', 'appi', 'APPI 16(8)', '16', '8'),
  c('appi-17-1', 'appi', 'APPI 17(1)', '17', '1'),
  c('appi-18-1', 'appi', 'APPI 18(1)', '18', '1'),
  c('appi-18-2', 'appi', 'APPI 18(2)', '18', '2'),
  c('appi-19', 'appi', 'APPI 19', '19'),
  c('appi-20-1', 'appi', 'APPI 20(1)', '20', '1'),
  c('appi-20-2', 'appi', 'APPI 20(2)', '20', '2'),
  c('appi-20-2-i', 'appi', 'APPI 20(2)(i)', '20', '2', 'i'),
  c('appi-20-2-ii', 'appi', 'APPI 20(2)(ii)', '20', '2', 'ii'),
  c('appi-20-2-iii', 'appi', 'APPI 20(2)(iii)', '20', '2', 'iii'),
  c('appi-20-2-iv', 'appi', 'APPI 20(2)(iv)', '20', '2', 'iv'),
  c('appi-20-2-v', 'appi', 'APPI 20(2)(v)', '20', '2', 'v'),
  c('appi-20-2-vi', 'appi', 'APPI 20(2)(vi)', '20', '2', 'vi'),
  c('appi-20-2-vii', 'appi', 'APPI 20(2)(vii)', '20', '2', 'vii'),
  c('appi-21-1', 'appi', 'APPI 21(1)', '21', '1'),
  c('appi-23', 'appi', 'APPI 23', '23'),
  c('appi-24', 'appi', 'APPI 24', '24'),
  c('appi-25', 'appi', 'APPI 25', '25'),
  c('appi-26-1', 'appi', 'APPI 26(1)', '26', '1'),
  c('appi-26-2', 'appi', 'APPI 26(2)', '26', '2'),
  c('appi-27-1', 'appi', 'APPI 27(1)', '27', '1'),
  c('appi-27-1-i', 'appi', 'APPI 27(1)(i)', '27', '1', 'i'),
  c('appi-27-1-ii', 'appi', 'APPI 27(1)(ii)', '27', '1', 'ii'),
  c('appi-27-1-iii', 'appi', 'APPI 27(1)(iii)', '27', '1', 'iii'),
  c('appi-27-1-iv', 'appi', 'APPI 27(1)(iv)', '27', '1', 'iv'),
  c('appi-27-1-v', 'appi', 'APPI 27(1)(v)', '27', '1', 'v'),
  c('appi-27-1-vi', 'appi', 'APPI 27(1)(vi)', '27', '1', 'vi'),
  c('appi-27-1-vii', 'appi', 'APPI 27(1)(vii)', '27', '1', 'vii'),
  c('appi-27-2', 'appi', 'APPI 27(2)', '27', '2'),
  c('appi-27-5', 'appi', 'APPI 27(5)', '27', '5'),
  c('appi-27-5-i', 'appi', 'APPI 27(5)(i)', '27', '5', 'i'),
  c('appi-27-5-ii', 'appi', 'APPI 27(5)(ii)', '27', '5', 'ii'),
  c('appi-27-5-iii', 'appi', 'APPI 27(5)(iii)', '27', '5', 'iii'),
  c('appi-27-6', 'appi', 'APPI 27(6)', '27', '6'),
  c('appi-28-1', 'appi', 'APPI 28(1)', '28', '1'),
  c('appi-28-3', 'appi', 'APPI 28(3)', '28', '3'),
  c('appi-29-1', 'appi', 'APPI 29(1)', '29', '1'),
  c('appi-30-1', 'appi', 'APPI 30(1)', '30', '1'),
  c('appi-31-1', 'appi', 'APPI 31(1)', '31', '1'),
  c('appi-31-2', 'appi', 'APPI 31(2)', '31', '2'),
  c('appi-31-3', 'appi', 'APPI 31(3)', '31', '3'),
  c('appi-32-1', 'appi', 'APPI 32(1)', '32', '1'),
  c('appi-33-1', 'appi', 'APPI 33(1)', '33', '1'),
  c('appi-41-3', 'appi', 'APPI 41(3)', '41', '3'),
  c('appi-41-4', 'appi', 'APPI 41(4)', '41', '4'),
  c('appi-41-6', 'appi', 'APPI 41(6)', '41', '6'),
  c('appi-41-7', 'appi', 'APPI 41(7)', '41', '7'),
  c('appi-41-8', 'appi', 'APPI 41(8)', '41', '8'),
  c('appi-41-9', 'appi', 'APPI 41(9)', '41', '9'),
  c('appi-42-1', 'appi', 'APPI 42(1)', '42', '1'),
  c('appi-43-4', 'appi', 'APPI 43(4)', '43', '4'),
  c('appi-43-5', 'appi', 'APPI 43(5)', '43', '5'),
  c('appi-44', 'appi', 'APPI 44', '44'),
  c('appi-57-1', 'appi', 'APPI 57(1)', '57', '1'),
  c('appi-58-1', 'appi', 'APPI 58(1)', '58', '1'),
  c('appi-58-2', 'appi', 'APPI 58(2)', '58', '2'),
  c('appi-68-1', 'appi', 'APPI 68(1)', '68', '1'),
  c('appi-68-2', 'appi', 'APPI 68(2)', '68', '2'),
  c('appi-125-1', 'appi', 'APPI 125(1)', '125', '1'),
  c('appi-150-1', 'appi', 'APPI 150(1)', '150', '1'),
  c('order-1', 'order', 'Order 1', '1'),
  c('order-2', 'order', 'Order 2', '2'),
  c('order-4-1', 'order', 'Order 4(1)', '4', '1'),
  c('order-5', 'order', 'Order 5', '5'),
  c('order-9-i', 'order', 'Order 9(i)', '9', undefined, 'i'),
  c('order-9-ii', 'order', 'Order 9(ii)', '9', undefined, 'ii'),
  c('order-10-i', 'order', 'Order 10(i)', '10', undefined, 'i'),
  c('rules-2', 'rules', 'Rules 2', '2'),
  c('rules-4', 'rules', 'Rules 4', '4'),
  c('rules-5', 'rules', 'Rules 5', '5'),
  c('rules-6', 'rules', 'Rules 6', '6'),
  c('rules-7', 'rules', 'Rules 7', '7'),
  c('rules-7-i', 'rules', 'Rules 7(i)', '7', undefined, 'i'),
  c('rules-7-ii', 'rules', 'Rules 7(ii)', '7', undefined, 'ii'),
  c('rules-7-iii', 'rules', 'Rules 7(iii)', '7', undefined, 'iii'),
  c('rules-7-iv', 'rules', 'Rules 7(iv)', '7', undefined, 'iv'),
  c('rules-8', 'rules', 'Rules 8', '8'),
  c('rules-8-1', 'rules', 'Rules 8(1)', '8', '1'),
  c('rules-8-2', 'rules', 'Rules 8(2)', '8', '2'),
  c('rules-8-3', 'rules', 'Rules 8(3)', '8', '3'),
  c('rules-9', 'rules', 'Rules 9', '9'),
  c('rules-10', 'rules', 'Rules 10', '10'),
  c('rules-11', 'rules', 'Rules 11', '11'),
  c('rules-14', 'rules', 'Rules 14', '14'),
  c('rules-15', 'rules', 'Rules 15', '15'),
  c('rules-16', 'rules', 'Rules 16', '16'),
  c('rules-17', 'rules', 'Rules 17', '17'),
  c('rules-18', 'rules', 'Rules 18', '18'),
  c('rules-20', 'rules', 'Rules 20', '20'),
  c('rules-21', 'rules', 'Rules 21', '21'),
  c('rules-22', 'rules', 'Rules 22', '22'),
  c('rules-24', 'rules', 'Rules 24', '24'),
  c('rules-26', 'rules', 'Rules 26', '26'),
  c('rules-27', 'rules', 'Rules 27', '27'),
  c('rules-29', 'rules', 'Rules 29', '29'),
  c('rules-31', 'rules', 'Rules 31', '31'),
  c('rules-34', 'rules', 'Rules 34', '34'),
  c('rules-37', 'rules', 'Rules 37', '37'),
  c('rules-38', 'rules', 'Rules 38', '38'),
  c('rules-43', 'rules', 'Rules 43', '43'),
  c('rules-43-i', 'rules', 'Rules 43(i)', '43', undefined, 'i'),
  c('rules-43-ii', 'rules', 'Rules 43(ii)', '43', undefined, 'ii'),
  c('rules-43-iii', 'rules', 'Rules 43(iii)', '43', undefined, 'iii'),
  c('rules-43-iv', 'rules', 'Rules 43(iv)', '43', undefined, 'iv'),
  c('rules-43-v', 'rules', 'Rules 43(v)', '43', undefined, 'v'),
  // rulebook §F.2: Rules 44–45 were not read; assumed to mirror Rules 8 and 10.
  c('rules-44', 'rules', 'Rules 44', '44', undefined, undefined, true),
  c('rules-45', 'rules', 'Rules 45', '45', undefined, undefined, true),
  c('gl-2-1', 'gl-general', 'GL (General) 2-1', '2-1'),
  c('gl-2-3', 'gl-general', 'GL (General) 2-3', '2-3'),
  c('gl-2-8', 'gl-general', 'GL (General) 2-8', '2-8'),
  c('gl-2-17', 'gl-general', 'GL (General) 2-17', '2-17'),
  c('gl-3-2', 'gl-general', 'GL (General) 3-2', '3-2'),
  c('gl-3-3-2', 'gl-general', 'GL (General) 3-3-2', '3-3-2'),
  c('gl-3-4-4', 'gl-general', 'GL (General) 3-4-4', '3-4-4'),
  c('gl-3-5-1', 'gl-general', 'GL (General) 3-5-1', '3-5-1'),
  c('gl-3-5-2', 'gl-general', 'GL (General) 3-5-2', '3-5-2'),
  c('gl-3-5-3-1', 'gl-general', 'GL (General) 3-5-3-1', '3-5-3-1'),
  c('gl-3-5-3-2', 'gl-general', 'GL (General) 3-5-3-2', '3-5-3-2'),
  c('gl-3-5-3-3', 'gl-general', 'GL (General) 3-5-3-3', '3-5-3-3'),
  c('gl-3-5-4', 'gl-general', 'GL (General) 3-5-4', '3-5-4'),
  c('gl-3-6-1', 'gl-general', 'GL (General) 3-6-1', '3-6-1'),
  c('gl-3-6-2', 'gl-general', 'GL (General) 3-6-2', '3-6-2'),
  c('gl-3-7-1', 'gl-general', 'GL (General) 3-7-1', '3-7-1'),
  c('gl-10-7', 'gl-general', 'GL (General) 10-7', '10-7'),
  c('gl-off-2-2', 'gl-offshore', 'GL (Foreign) 2-2', '2-2'),
  c('gl-off-3', 'gl-offshore', 'GL (Foreign) 3', '3'),
  c('gl-off-4-3', 'gl-offshore', 'GL (Foreign) 4-3', '4-3'),
  c('gl-off-5', 'gl-offshore', 'GL (Foreign) 5', '5'),
  // rulebook S12: the Q&A 7-53 wording is known only through secondary sources.
  c('qa-7-53', 'ppc-qa', 'PPC Q&A 7-53', '7-53', undefined, undefined, true),
  // rulebook §C.1 (revision 2026-12): the APPI twin of My Number Q&A 16-4 is given as 10-25 by secondary sources only.
  c('qa-10-25', 'ppc-qa', 'PPC Q&A 10-25', '10-25', undefined, undefined, true),
  c('qa-12-3', 'ppc-qa', 'PPC Q&A 12-3', '12-3'),
  c('holidays-act-2', 'holidays-act', 'Administrative Holidays Act 2', '2'),
  c('ppc-leak-form', 'ppc-page', 'PPC leak-report page', '-'),
  c('ransomware-form', 'agreement', 'Ransomware common report form (2025-10-01)', '-'),
  c('pmk500', 'pmark', 'PrivacyMark grant rules (PMK500)', '-', undefined, undefined, true),
  // My Number Act reporting (rulebook §D.8c, revision 2026-12).
  cb('mynumber-29-4-1', 'mynumber-act', 'My Number Act 29-4(1)', '29', '4', '1'),
  cb('mynumber-29-4-2', 'mynumber-act', 'My Number Act 29-4(2)', '29', '4', '2'),
  c('mynumber-2-i', 'mynumber-rules', 'My Number Report Rules 2(i)', '2', undefined, 'i'),
  c('mynumber-2-ii', 'mynumber-rules', 'My Number Report Rules 2(ii)', '2', undefined, 'ii'),
  c('mynumber-2-iii', 'mynumber-rules', 'My Number Report Rules 2(iii)', '2', undefined, 'iii'),
  // Item 4's wording and the deadline article are known from secondary sources only (rulebook §D.8c).
  c('mynumber-2-iv', 'mynumber-rules', 'My Number Report Rules 2(iv)', '2', undefined, 'iv', true),
  c('mynumber-rules-deadlines', 'mynumber-rules', 'My Number Report Rules (deadlines)', '-', undefined, undefined, true),
  c('mynumber-qa-16-4', 'mynumber-qa', 'PPC My Number Q&A 16-4', '16-4'),
  c('mynumber-qa-17-10', 'mynumber-qa', 'PPC My Number Q&A 17-10', '17-10'),
  c('ppc-faq-fin-4-8', 'ppc-faq-fin', 'PPC financial-sector Q&A 4-8', '4-8'),
];

export const CITATIONS: ReadonlyMap<string, Citation> = new Map(ALL.map((x) => [x.id, x]));
const BY_REF: ReadonlyMap<string, Citation> = new Map(ALL.map((x) => [x.ref, x]));

export function citation(id: string): Citation {
  const found = CITATIONS.get(id);
  if (!found) throw new Error(`unknown citation id "${id}"`);
  return found;
}

export function citationByRef(ref: string): Citation | undefined {
  return BY_REF.get(ref);
}
