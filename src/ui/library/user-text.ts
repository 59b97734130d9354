// Sentences of the app's own words that embed the user's text (a title): split so the user's text can be shown in an
// element of its own, isolated, and a right-to-left override in it cannot mirror the app's words around it.

/** Stands for the user's text while the sentence is translated (a private-use character no locale text holds). */
export const USER = '\u{E000}';

export interface SentencePart {
  user: boolean;
  text: string;
}

/** `template` is a sentence translated with USER in place of the user's text; each USER becomes a part holding `user`. */
export function sentence(template: string, user: string): SentencePart[] {
  const out: SentencePart[] = [];
  template.split(USER).forEach((text, i) => {
    if (i > 0) out.push({ user: true, text: user });
    if (text) out.push({ user: false, text });
  });
  return out;
}
