import type { SideEffectKind } from '../outbox/outbox.js';
import type { Mailer, MailMessage } from './mailer.js';

/** A mail as a side effect: rendered when it is sent (links with the public address of that moment). */
export function mailSideEffect<T extends object>(
  name: string,
  render: (data: T, mailer: Mailer) => MailMessage,
): SideEffectKind<T> {
  return { name, run: (data, { mailer }) => mailer.send(render(data, mailer)) };
}
