// The citations registry: every legal source the app shows, by stable id, with its structured reference.
// Titles live in locales (citations namespace); `ref` is the short English reference stored in outcomes.

export type Law =
  | 'appi' // 個人情報の保護に関する法律
  | 'order' // 個人情報の保護に関する法律施行令
  | 'rules' // 個人情報の保護に関する法律施行規則
  | 'gl-general' // PPC guideline, General Rules (通則編)
  | 'holidays-act' // 行政機関の休日に関する法律
  | 'ppc-page' // PPC web page (not law; where the app relies on a PPC page's wording)
  | 'agreement' // inter-ministerial agreement (ransomware common form)
  | 'pmark'; // PrivacyMark grant rules (contractual, not law)

export interface Citation {
  id: string;
  law: Law;
  /** Article, or guideline section (e.g. "3-5-1"). */
  article: string;
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

const ALL: Citation[] = [
  c('appi-2-3', 'appi', 'APPI 2(3)', '2', '3'),
  c('appi-26-1', 'appi', 'APPI 26(1)', '26', '1'),
  c('appi-26-2', 'appi', 'APPI 26(2)', '26', '2'),
  c('appi-41-9', 'appi', 'APPI 41(9)', '41', '9'),
  c('appi-68-1', 'appi', 'APPI 68(1)', '68', '1'),
  c('appi-68-2', 'appi', 'APPI 68(2)', '68', '2'),
  c('appi-150-1', 'appi', 'APPI 150(1)', '150', '1'),
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
  c('rules-43', 'rules', 'Rules 43', '43'),
  c('rules-43-i', 'rules', 'Rules 43(i)', '43', undefined, 'i'),
  c('rules-43-ii', 'rules', 'Rules 43(ii)', '43', undefined, 'ii'),
  c('rules-43-iii', 'rules', 'Rules 43(iii)', '43', undefined, 'iii'),
  c('rules-43-iv', 'rules', 'Rules 43(iv)', '43', undefined, 'iv'),
  c('rules-43-v', 'rules', 'Rules 43(v)', '43', undefined, 'v'),
  // rulebook §F.2: Rules 44–45 were not read; assumed to mirror Rules 8 and 10.
  c('rules-44', 'rules', 'Rules 44', '44', undefined, undefined, true),
  c('rules-45', 'rules', 'Rules 45', '45', undefined, undefined, true),
  c('gl-3-5-1', 'gl-general', 'GL (General) 3-5-1', '3-5-1'),
  c('gl-3-5-2', 'gl-general', 'GL (General) 3-5-2', '3-5-2'),
  c('gl-3-5-3-1', 'gl-general', 'GL (General) 3-5-3-1', '3-5-3-1'),
  c('gl-3-5-3-3', 'gl-general', 'GL (General) 3-5-3-3', '3-5-3-3'),
  c('gl-3-5-4', 'gl-general', 'GL (General) 3-5-4', '3-5-4'),
  c('holidays-act-2', 'holidays-act', 'Administrative Holidays Act 2', '2'),
  c('ppc-leak-form', 'ppc-page', 'PPC leak-report page', '-'),
  c('ransomware-form', 'agreement', 'Ransomware common report form (2025-10-01)', '-'),
  c('pmk500', 'pmark', 'PrivacyMark grant rules (PMK500)', '-', undefined, undefined, true),
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
