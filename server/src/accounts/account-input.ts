import {
  MIN_PASSWORD_LENGTH,
  TEXT_LIMITS,
  UserErrorCode,
  isEmailAddress,
  normaliseText,
} from '@samverka/domain';
import type { InputProblems } from '../graphql/user-error.js';

/** A person's name: required, at most TEXT_LIMITS.name characters. */
export function checkName(problems: InputProblems, field: string, raw: string | null | undefined): string {
  const name = normaliseText(raw);
  if (!name) problems.add(field, 'Ange ditt namn.', UserErrorCode.REQUIRED);
  else if (name.length > TEXT_LIMITS.name) {
    problems.tooLong(field, TEXT_LIMITS.name, `Namnet får vara högst ${TEXT_LIMITS.name} tecken.`);
  }
  return name ?? '';
}

/** An e-mail address, lower-cased (addresses are stored so, and sign-in is case-insensitive). */
export function checkEmail(problems: InputProblems, field: string, raw: string | null | undefined): string {
  const email = (raw ?? '').trim().toLowerCase();
  if (!email) problems.add(field, 'Ange en e-postadress.', UserErrorCode.REQUIRED);
  else if (email.length > TEXT_LIMITS.email) {
    problems.tooLong(field, TEXT_LIMITS.email, `E-postadressen får vara högst ${TEXT_LIMITS.email} tecken.`);
  } else if (!isEmailAddress(email)) {
    problems.add(field, 'Ange en giltig e-postadress, till exempel namn@exempel.se.', UserErrorCode.INVALID);
  }
  return email;
}

/** A new password: long enough (length beats composition rules), not absurdly long. */
export function checkNewPassword(
  problems: InputProblems,
  field: string,
  password: string | null | undefined,
) {
  if (!password) problems.add(field, 'Välj ett lösenord.', UserErrorCode.REQUIRED);
  else if (password.length < MIN_PASSWORD_LENGTH) {
    problems.add(
      field,
      `Lösenordet behöver vara minst ${MIN_PASSWORD_LENGTH} tecken.`,
      UserErrorCode.WEAK_PASSWORD,
    );
  } else if (password.length > TEXT_LIMITS.password) {
    problems.tooLong(
      field,
      TEXT_LIMITS.password,
      `Lösenordet får vara högst ${TEXT_LIMITS.password} tecken.`,
    );
  }
}
