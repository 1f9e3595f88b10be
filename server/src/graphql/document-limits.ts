import type { RequestHandler } from 'express';
import {
  GraphQLError,
  parse,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Bounds on a document checked before the validation rules run, so that a document built to be expensive
 * (thousands of chained or branching fragments) costs its sender, not the server. The client's biggest
 * document has under 400 tokens, 13 definitions and a few hundred fields expanded (tested).
 */
export const DOCUMENT_LIMITS = {
  /** Tokens the parser reads before it gives up (graphql-js `maxTokens`: a syntax error, status 400). */
  tokens: 3000,
  /** Operations and fragments in one document. */
  definitions: 40,
  /** Fields once every fragment spread is expanded, over all operations. */
  expandedFields: 2000,
};

export const parseOptions = { maxTokens: DOCUMENT_LIMITS.tokens };

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

/**
 * Counts the fields a document selects with its fragments expanded, in time linear in its size: each
 * fragment's size is computed once. A fragment cycle counts as nothing here; validation reports it.
 */
function expandedFieldCount(document: DocumentNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return 0;
    visiting.add(name);
    const size = selectionSize(fragment.selectionSet);
    visiting.delete(name);
    sizes.set(name, size);
    return size;
  };
  const selectionSize = (set: SelectionSetNode): number => {
    let size = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        size += 1 + (selection.selectionSet ? selectionSize(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) size += selectionSize(selection.selectionSet);
      else size += fragmentSize(selection.name.value);
      // Saturate: the exact figure of an exponential document does not matter.
      if (size > cap) return cap + 1;
    }
    return size;
  };
  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += selectionSize(definition.selectionSet);
    if (total > cap) return cap + 1;
  }
  return total;
}

/** Why a parsed document is refused before validation (QUERY_TOO_COMPLEX), or null when it may be validated. */
export function documentShapeError(document: DocumentNode): GraphQLError | null {
  if (document.definitions.length > DOCUMENT_LIMITS.definitions) {
    return tooComplex(
      `The document has ${document.definitions.length} definitions; at most ${DOCUMENT_LIMITS.definitions} are allowed.`,
    );
  }
  if (expandedFieldCount(document, DOCUMENT_LIMITS.expandedFields) > DOCUMENT_LIMITS.expandedFields) {
    return tooComplex(
      `The document selects more than ${DOCUMENT_LIMITS.expandedFields} fields once its fragments are expanded.`,
    );
  }
  return null;
}

/** Documents accepted lately, so the client's repeated queries are parsed here only once. */
const accepted = new Set<string>();
const ACCEPTED_MAX = 500;

/**
 * Express middleware in front of Apollo: Apollo has no hook between parsing and validation that may refuse with
 * a 400, so the document is parsed (within the token limit) and measured here. A syntax error is left to
 * Apollo, which answers it with its own 400.
 */
export function refuseOversizedDocuments(): RequestHandler {
  return (req, res, next) => {
    const query: unknown =
      req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || accepted.has(query)) return next();
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions);
    } catch {
      return next();
    }
    const error = documentShapeError(document);
    if (!error) {
      if (accepted.size >= ACCEPTED_MAX) accepted.clear();
      accepted.add(query);
      return next();
    }
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
  };
}
