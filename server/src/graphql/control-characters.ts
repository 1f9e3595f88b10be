import {
  GraphQLError,
  GraphQLObjectType,
  getNamedType,
  isNonNullType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { UserErrorCode } from '@samverka/domain';
import { UserError } from './user-error.js';

/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return, which texts with
 * paragraphs keep. PostgreSQL refuses NUL outright; the others hide text or drive terminals.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const MESSAGE = 'Texten innehåller ett styrtecken som inte är tillåtet (till exempel ett nolltecken).';

/** Paths, from the argument down, of every string with a control character in it. */
function controlCharacterPaths(value: unknown, path: string[], found: string[][]): string[][] {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => controlCharacterPaths(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) controlCharacterPaths(item, [...path, key], found);
  }
  return found;
}

/** A mutation payload: `errors: [UserError!]!` and every other field nullable, so errors alone answer. */
function isPayload(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  if (!(named instanceof GraphQLObjectType)) return false;
  const fields = Object.values(named.getFields());
  return (
    fields.some((field) => field.name === 'errors' && getNamedType(field.type).name === 'UserError') &&
    fields.every((field) => field.name === 'errors' || !isNonNullType(field.type))
  );
}

function guard(field: GraphQLField<unknown, unknown>): void {
  const resolve = field.resolve;
  if (!resolve || !field.args.length) return;
  const answersWithPayload = isPayload(field.type);
  field.resolve = (source, args, context, info) => {
    const found = controlCharacterPaths(args, [], []);
    if (!found.length) return resolve(source, args, context, info);
    if (answersWithPayload) {
      return { errors: found.map((path) => new UserError(path, MESSAGE, UserErrorCode.INVALID)) };
    }
    throw new GraphQLError(`${found[0]!.join('.')} contains a control character`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  };
}

/**
 * Every query and mutation argument passes here before its resolver: a text with a control character is a
 * field error in the payload (a top-level BAD_USER_INPUT for queries), before any service or SQL sees it.
 * Only root fields are wrapped, so reading nested fields costs nothing extra.
 */
export function refuseControlCharacters(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) guard(field);
  }
  return schema;
}
