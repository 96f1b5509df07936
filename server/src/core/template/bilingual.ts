/** A text in Chinese and English, and picking one for a locale. */
import type { Locale } from '../types';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A text given in both languages, in `locale` (Chinese unless English is asked for). */
export function inLocale(text: Bilingual, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
