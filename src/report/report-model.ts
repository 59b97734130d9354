// The language-resolved content of a summary report: what the PDF writer lays out, with no i18n or domain logic.

export interface ReportItem {
  /** Bold first line (a question, a duty, a ground). */
  title: string;
  /** Plain text under it (an answer, an explanation); may contain newlines. */
  body?: string;
  /** A small grey line (citation, rule that produced a date). */
  meta?: string;
  /** Emphasised line (a due date with weekday). */
  emphasis?: string;
  /** A line under the body: the reason written beside an answer, already labelled ("理由：…"). */
  note?: string;
}

export interface ReportSection {
  heading: string;
  /** A sentence under the heading saying what the section lists. */
  lead?: string;
  items: ReportItem[];
  /** A log (the history of changes): each item on one line, title (the time) then body, no bold titles. */
  compact?: boolean;
}

export interface ReportModel {
  lang: 'ja' | 'en';
  /** Document title, e.g. 「個人情報保護法 判定結果」. */
  heading: string;
  /**
   * The user's own title for this assessment (may contain any character they typed). User text anywhere in the
   * model is wrapped in FSI … PDI with its own bidi controls removed, so that it cannot reorder the app's words.
   */
  title: string;
  /** Label/value lines under the title: created, ruleset, flow, assessment id. */
  meta: { label: string; value: string }[];
  verdict: {
    label: string;
    text: string;
    /** Present when the outcome is provisional: the banner text. */
    provisional?: string;
  };
  sections: ReportSection[];
  disclaimer: string;
  /** Footer text like "Shirube — page {page} of {pages}" with {page} and {pages} placeholders. */
  footer: string;
  /** The assessment's versioned JSON envelope, embedded so the PDF can be re-imported. */
  envelopeJson: string;
  /** PDF document properties. */
  properties: { title: string; subject: string; author: string; keywords: string };
}
