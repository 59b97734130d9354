// The app's languages: Japanese first (the primary language), then English.

export const LANGUAGES = ['ja', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'ja';
export const isLang = (x: unknown): x is Lang => x === 'ja' || x === 'en';
