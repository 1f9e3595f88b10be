import { useI18n } from 'vue-i18n';
import { fieldMessageText, type FieldMessage } from './errors';

/** Words field messages in the page's current language (see fieldMessageText). */
export function useFieldMessage() {
  const { t, locale } = useI18n();
  return (message: FieldMessage | null | undefined, params?: Record<string, unknown>): string =>
    message ? fieldMessageText(t, locale.value, message, params) : '';
}
