import { createI18n } from 'vue-i18n';
import sv, { type MessageSchema } from './sv';

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

/**
 * The app's i18n with the Swedish messages; others are added by `loadLocale` when chosen, so a Swedish page
 * does not download the English text. Until they are, `locale` falls back to Swedish.
 */
export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'sv',
    messages: { sv } as Record<Locale, MessageSchema>,
  });
}

const messagesOf: Record<Locale, () => Promise<MessageSchema>> = {
  sv: () => Promise.resolve(sv),
  en: () => import('./en').then((module) => module.default),
};

/** What `loadLocale` needs of an i18n instance: `i18n.global` or `useI18n({ useScope: 'global' })`. */
export interface LocaleMessages {
  availableLocales: string[];
  setLocaleMessage(locale: Locale, messages: MessageSchema): void;
}

/** Makes a language's messages available (downloading them the first time). */
export async function loadLocale(i18n: LocaleMessages, locale: Locale): Promise<void> {
  if (i18n.availableLocales.includes(locale)) return;
  i18n.setLocaleMessage(locale, await messagesOf[locale]());
}

/** Locale tag for Intl formatting: Swedish formats in Swedish, English in British English (day month year). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'sv-SE';
}
