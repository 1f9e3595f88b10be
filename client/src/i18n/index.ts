import { createI18n } from 'vue-i18n';
import sv, { type MessageSchema } from './sv';
import en from './en';

export type Locale = 'sv' | 'en';
export const LOCALES: readonly Locale[] = ['sv', 'en'];
const STORAGE_KEY = 'samverka.locale';

export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page view only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'sv',
    messages: { sv, en },
  });
}

/** Locale tag for Intl formatting: Swedish formats in Swedish, English in British English (day month year). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'sv-SE';
}
