import {
  LockMode,
  Reference,
  ReferenceKind,
  wrap,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TEXT_LIMITS, UserErrorCode } from '@samverka/domain';
import type { Viewer } from '../graphql/context.js';
import { unauthenticated } from '../graphql/errors.js';
import { tooLongError, userError } from '../graphql/user-error.js';
import { Person } from './person.entity.js';
import { Session } from './session.entity.js';
import { endSession } from './session.service.js';
import { verifyPassword } from './password.js';
import { features } from '../features.js';
import { isPersonRelation, isSecret, isTextColumn, isToOne, personLinks, type Row } from './gdpr.metadata.js';

/** Read at call time: the feature list imports this module through the accounts feature. */
const keyedByAccount = () => features.flatMap((feature) => feature.gdpr?.keyedByAccount ?? []);
const unlinkedRules = () => features.flatMap((feature) => feature.gdpr?.unlinked ?? []);

/** What a deleted person's name becomes in records that stay. */
export const REMOVED_PERSON = 'Borttagen person';
/** What a deleted person's e-mail address becomes inside text that stays. */
export const REMOVED_EMAIL = 'borttagen e-postadress';

export interface PersonalDataExport {
  generatedAt: string;
  explanation: { sv: string; en: string };
  /** The account itself, without its password hash. */
  person: Row;
  /** Every row that points to the person, by entity name; `linkedAs` names the properties that do. */
  records: Record<string, Row[]>;
}

const EXPLANATION = {
  sv:
    'Här är alla uppgifter som Samverka har om dig: ditt konto ("person") och varje post i databasen som ' +
    'hänvisar till dig, grupperade efter slag av post ("records"). "linkedAs" anger hur posten hör ihop med ' +
    'dig. Lösenord och engångsnycklar sparas bara som kontrollsummor och lämnas inte ut. Om du tar bort ditt ' +
    'konto raderas dina inloggningar, medlemskap, uppdrag och nycklar; det din organisation har lämnat in ' +
    '(anslutningar, nomineringar, ärenden) finns kvar, utan ditt namn.',
  en:
    'This is all the data Samverka holds about you: your account ("person") and every row in the database ' +
    'that refers to you, grouped by kind of record ("records"). "linkedAs" says how a row refers to you. ' +
    'Passwords and one-time tokens are stored only as hashes and are not included. If you delete your ' +
    'account, your sessions, memberships, appointments and tokens are deleted; what your organisation ' +
    'submitted (accessions, nominations, cases) stays, without your name.',
};

/** The signed-in person's data, for the right of access (GDPR art. 15 and 20). */
export async function exportPersonalData(
  em: EntityManager,
  viewer: Viewer | null,
): Promise<PersonalDataExport> {
  if (!viewer) throw unauthenticated();
  const person = await em.findOne(Person, viewer.id);
  if (!person) throw unauthenticated();
  const records: Record<string, Row[]> = {};
  for (const source of personSources(em, person)) {
    const labelled = source.meta.relations.filter(
      (prop) => isToOne(prop) && !isPersonRelation(prop) && labelProp(prop) !== null,
    );
    const rows = await em.find<Row>(source.meta.class, source.where, {
      populate: labelled.map((prop) => prop.name) as never,
      orderBy: primaryKeyOrder(source.meta),
    });
    records[source.meta.className] = rows.map((row: Row) => ({
      ...exportRow(source.meta, row),
      linkedAs: source.linkedAs(row),
    }));
  }
  return {
    generatedAt: new Date().toISOString(),
    explanation: EXPLANATION,
    person: exportRow(em.getMetadata().get(Person), person as unknown as Row),
    records,
  };
}

export interface DeleteMyAccountInput {
  /** The current password, asked again so a forgotten open browser cannot delete the account. */
  password: string;
}

/**
 * Deletes the signed-in person's account after checking the password again, in one transaction:
 *
 * 1. every session ends through `endSession`, so every instance closes the person's live sockets (4403);
 * 2. for every entity that points to Person (read from the metadata): a row whose relation cascades
 *    (session, membership, C-nätet appointment, token) is deleted; a row whose relation may be null
 *    (accession, nomination, exclusion case, meeting chair, council seat) stays, with the person's name and
 *    e-mail removed from its text and the reference set to null. A council seat they held becomes "Vakant"
 *    and ends now, so the seat can be filled again; one they held earlier reads "Borttagen person";
 * 3. records a deleted row tied them to (the party of a membership, the department of an appointment) keep
 *    their data, except a text column that is exactly their name or contains their e-mail address, such
 *    as a party's public contact or a network's named contact person: that is cleared. Longer text that only
 *    mentions their name there is the organisation's own (a foundation named after its founder) and stays;
 * 4. invitations sent to their address and rate-limit attempts keyed by it or their id are deleted, then
 *    the person.
 *
 * Decision: a person who is a party's only contact may still delete their account. The party, its
 * accession, nominations and cases stay as they are, without a contact; the coordinator can see that the
 * party has no contact and invite a new one. Refusing would make one's right to erasure depend on a third
 * party finding a successor.
 */
export async function deleteMyAccount(
  em: EntityManager,
  viewer: Viewer | null,
  input: DeleteMyAccountInput,
): Promise<void> {
  if (!viewer) throw unauthenticated();
  if (!input.password) throw userError('password', 'Ange ditt lösenord.', UserErrorCode.REQUIRED);
  if (input.password.length > TEXT_LIMITS.password) {
    throw tooLongError(
      'password',
      TEXT_LIMITS.password,
      `Lösenordet får vara högst ${TEXT_LIMITS.password} tecken.`,
    );
  }
  const person = await em.findOne(Person, viewer.id);
  const valid = await verifyPassword(person?.passwordHash ?? null, input.password);
  if (!person) throw unauthenticated();
  if (!valid) throw userError('password', 'Fel lösenord.', UserErrorCode.INVALID_CREDENTIALS);

  await em.transactional(async (tx) => {
    const locked = await tx.findOne(Person, person.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!locked) return; // deleted by a concurrent request
    const { id, name, email } = locked;
    const scrub = scrubber(name, email);
    const afterUnlink = unlinkedRules();

    const sessions = await tx.find(Session, { person: id }, { fields: ['id'] });
    for (const session of sessions) await endSession(tx, session.id);

    const attached = new Map<EntityMetadata, Set<unknown>>();
    const toDelete: { meta: EntityMetadata; props: EntityProperty[] }[] = [];
    for (const { meta, props } of personLinks(tx.getMetadata())) {
      const removing = props.filter((prop) => prop.deleteRule === 'cascade');
      const unlinking = props.filter((prop) => prop.deleteRule !== 'cascade' && prop.nullable);
      const blocking = props.filter((prop) => !removing.includes(prop) && !unlinking.includes(prop));
      if (blocking.length > 0) {
        throw new Error(
          `${meta.className}.${blocking[0]!.name} is a required relation to Person without a delete rule: ` +
            'decide in gdpr.service whether such rows are deleted or kept with the person removed.',
        );
      }
      const rows = await tx.find<Row>(meta.class, { $or: props.map((prop) => ({ [prop.name]: id })) });
      for (const row of rows as Row[]) {
        if (removing.some((prop) => primaryKeyOf(row[prop.name]) === id)) {
          for (const prop of meta.relations.filter((p) => isToOne(p) && !isPersonRelation(p))) {
            const target = primaryKeyOf(row[prop.name]);
            if (target == null) continue;
            const set = attached.get(prop.targetMeta!) ?? new Set();
            attached.set(prop.targetMeta!, set.add(target));
          }
          continue;
        }
        scrubRow(meta, row, scrub.within);
        for (const prop of unlinking) if (primaryKeyOf(row[prop.name]) === id) row[prop.name] = null;
        for (const rule of afterUnlink) if (row instanceof rule.entity) rule.apply(row);
      }
      if (removing.length > 0) toDelete.push({ meta, props: removing });
    }

    for (const [meta, ids] of attached) {
      const rows = await tx.find<Row>(meta.class, { [meta.primaryKeys[0]!]: { $in: [...ids] } });
      for (const row of rows as Row[]) scrubRow(meta, row, scrub.whole);
    }
    await tx.flush();

    for (const { meta, props } of toDelete) {
      await tx.nativeDelete<Row>(meta.class, { $or: props.map((prop) => ({ [prop.name]: id })) });
    }
    for (const keyed of keyedByAccount()) {
      await tx.nativeDelete<Row>(keyed.entity as EntityClass<Row>, keyed.where(locked));
    }
    await tx.nativeDelete(Person, { id });
  });
}

/** Where to look for a person's rows: every entity that points to Person, and what is keyed by their account. */
function personSources(em: EntityManager, person: Person) {
  const metadata = em.getMetadata();
  const sources = personLinks(metadata).map(({ meta, props }) => {
    const where: FilterQuery<Row>[] = props.map((prop) => ({ [prop.name]: person.id }));
    const keyed = keyedByAccount().find((k) => k.entity === meta.class);
    if (keyed) where.push(keyed.where(person));
    return {
      meta,
      where: { $or: where },
      linkedAs: (row: Row) => [
        ...props.filter((prop) => primaryKeyOf(row[prop.name]) === person.id).map((prop) => prop.name),
        ...(keyed?.matches(row, person) ? [keyed.prop] : []),
      ],
    };
  });
  for (const keyed of keyedByAccount()) {
    if (sources.some((source) => source.meta.class === keyed.entity)) continue;
    sources.push({
      meta: metadata.find(keyed.entity)!,
      where: { $or: [keyed.where(person)] },
      linkedAs: (row: Row) => (keyed.matches(row, person) ? [keyed.prop] : []),
    });
  }
  return sources;
}

/** A row's own fields without secrets; a reference to another record as its id and, if it has one, name. */
function exportRow(meta: EntityMetadata, row: Row): Row {
  const out: Row = {};
  for (const prop of meta.props) {
    if (isSecret(prop)) continue;
    const value = row[prop.name];
    if (prop.kind === ReferenceKind.SCALAR) {
      out[prop.name] = value instanceof Date ? value.toISOString() : (value ?? null);
    } else if (isToOne(prop) && !isPersonRelation(prop)) {
      const id = primaryKeyOf(value);
      const label = labelProp(prop);
      const target = value == null ? null : (Reference.unwrapReference(value as object) as Row);
      out[prop.name] =
        id == null ? null : { id, ...(label && target?.[label] != null ? { [label]: target[label] } : {}) };
    }
  }
  return out;
}

/** The field that names a referenced record, so "a membership of party 3f2…" reads "…of Föreningen X". */
function labelProp(prop: EntityProperty): string | null {
  const target = prop.targetMeta;
  return ['name', 'title'].find((name) => target?.properties[name]?.kind === ReferenceKind.SCALAR) ?? null;
}

function primaryKeyOrder(meta: EntityMetadata): Record<string, 'asc'> {
  return Object.fromEntries(meta.primaryKeys.map((key) => [key, 'asc' as const]));
}

function primaryKeyOf(value: unknown): unknown {
  if (value == null || typeof value !== 'object') return value ?? null;
  return wrap(Reference.unwrapReference(value as object), true).getPrimaryKey();
}

/** Applies `replace` to every free-text column of a row; a column left blank becomes null when it may. */
function scrubRow(meta: EntityMetadata, row: Row, replace: (text: string) => string): void {
  for (const prop of meta.props.filter(isTextColumn)) {
    const value = row[prop.name];
    if (typeof value !== 'string') continue;
    const scrubbed = replace(value);
    if (scrubbed === value) continue;
    row[prop.name] = scrubbed === '' && prop.nullable ? null : scrubbed || REMOVED_PERSON;
  }
}

/**
 * Two ways to remove a name and an e-mail address from text: `within` replaces every mention (rows the
 * person is referenced from); `whole` clears a value that is exactly the name, and removes the address
 * wherever it appears (records they were only attached to).
 */
function scrubber(name: string, email: string) {
  const letters = '\\p{L}\\p{N}';
  const nameRe = new RegExp(`(?<![${letters}])${escapeRegExp(name.trim())}(?![${letters}])`, 'giu');
  const emailRe = new RegExp(`(?<![${letters}._%+-])${escapeRegExp(email)}(?![${letters}-])`, 'giu');
  const isName = (text: string) =>
    text.trim().toLocaleLowerCase('sv') === name.trim().toLocaleLowerCase('sv');
  return {
    within: (text: string) =>
      isName(text) ? REMOVED_PERSON : text.replace(emailRe, REMOVED_EMAIL).replace(nameRe, REMOVED_PERSON),
    whole: (text: string) =>
      isName(text) || text.trim().toLowerCase() === email ? '' : text.replace(emailRe, REMOVED_EMAIL),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
