import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from './user-error.js';

type TypeFunction = NonNullable<Parameters<typeof Field>[0]>;

/** A field of a generated type: its GraphQL type and description; `T` is its value in TypeScript. */
export interface FieldSpec<T> {
  type: TypeFunction;
  description: string;
  nullable: boolean;
  /** Never set: carries `T` for the compiler. */
  readonly value?: T;
}

export type FieldSpecs = Record<string, FieldSpec<unknown>>;

export type ValuesOf<F extends FieldSpecs> = { [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never };

/** A generated class; `fields` lets another type repeat them (an input that adds to another). */
export type GeneratedType<F extends FieldSpecs, Extra = unknown> = (new () => ValuesOf<F> & Extra) & {
  fields: F;
};

export function field<T>(
  type: TypeFunction,
  description: string,
  options: { nullable?: boolean } = {},
): FieldSpec<T> {
  return { type, description, nullable: options.nullable ?? false };
}

/** Declares the fields in the order written, which is the order the printed schema shows. */
function declare<F extends FieldSpecs>(fields: F) {
  class Generated {}
  for (const [name, spec] of Object.entries(fields)) {
    Field(spec.type, { description: spec.description, nullable: spec.nullable })(Generated.prototype, name);
  }
  return Object.assign(Generated, { fields });
}

/** A mutation's input type, as connections are built by `Connection`. */
export function Input<F extends FieldSpecs>(name: string, description: string, fields: F): GeneratedType<F> {
  const type = declare(fields);
  InputType(name, { description })(type);
  return type as unknown as GeneratedType<F>;
}

/** A mutation's payload: its fields, then `errors`, the user errors that refused the change. */
export function Payload<F extends FieldSpecs>(
  name: string,
  description: string,
  fields: F,
  errorsDescription: string,
): GeneratedType<F, { errors: UserError[] }> {
  const type = declare({ ...fields, errors: field<UserError[]>(() => [UserError], errorsDescription) });
  ObjectType(name, { description })(type);
  return type as unknown as GeneratedType<F, { errors: UserError[] }>;
}

export const id = (description: string) => field<string>(() => ID, description);
export const int = (description: string) => field<number>(() => Int, description);
export const text = (description: string) => field<string>(() => String, description);
export const flag = (description: string) => field<boolean>(() => Boolean, description);
