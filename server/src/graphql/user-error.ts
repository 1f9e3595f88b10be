import { Field, Int, ObjectType } from 'type-graphql';
import { UserErrorCode } from '@samverka/domain';

@ObjectType({
  description: 'A validation or business-rule failure, shown beside the input field it concerns.',
})
export class UserError {
  @Field(() => [String], {
    description: 'Path to the input field, e.g. ["input", "decision"]; ["input"] for the whole input.',
  })
  field: string[];

  @Field(() => String, { description: 'What went wrong, in Swedish; clients translate by code.' })
  message: string;

  @Field(() => UserErrorCode, { description: 'Machine-readable reason.' })
  code: UserErrorCode;

  @Field(() => Int, {
    nullable: true,
    description: 'With RATE_LIMITED: minutes to wait before trying again.',
  })
  retryAfterMinutes: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'With TOO_LONG: the most characters (or entries) allowed; with FILE_TOO_LARGE: the most bytes. For ' +
      'clients that word it themselves.',
  })
  max: number | null;

  constructor(
    field: string[],
    message: string,
    code: UserErrorCode,
    retryAfterMinutes: number | null = null,
    max: number | null = null,
  ) {
    this.field = field;
    this.message = message;
    this.code = code;
    this.retryAfterMinutes = retryAfterMinutes;
    this.max = max;
  }
}

/** Thrown inside a service to roll the transaction back and answer with payload errors. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const inputPath = (path: string[], field: string) => [...path, ...(field ? field.split('.') : [])];

/** "Högst 200 tecken.": a text over its limit; the message says the limit and `max` carries it. */
export function tooLongError(field: string, max: number, message = `Högst ${max} tecken.`): UserErrors {
  return new UserErrors([
    new UserError(inputPath(['input'], field), message, UserErrorCode.TOO_LONG, null, max),
  ]);
}

export function userError(
  field: string,
  message: string,
  code: UserErrorCode,
  retryAfterMinutes: number | null = null,
): UserErrors {
  return new UserErrors([new UserError(inputPath(['input'], field), message, code, retryAfterMinutes)]);
}

/** Collects every field error of an input, so the user sees them all at once; throws them together. */
export class InputProblems {
  private readonly errors: UserError[] = [];

  constructor(private readonly path: string[] = ['input']) {}

  add(field: string, message: string, code: UserErrorCode): this {
    this.errors.push(new UserError(inputPath(this.path, field), message, code));
    return this;
  }

  /** A text over its limit, as tooLongError says it. */
  tooLong(field: string, max: number, message = `Högst ${max} tecken.`): this {
    this.errors.push(new UserError(inputPath(this.path, field), message, UserErrorCode.TOO_LONG, null, max));
    return this;
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  throwIfAny(): void {
    if (this.errors.length) throw new UserErrors(this.errors);
  }
}
