import {
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type MetadataStorage,
} from '@mikro-orm/core';
import { Person } from './person.entity.js';

/** An entity with one or more relations (many-to-one, or owning one-to-one) to Person. */
export interface PersonLink {
  meta: EntityMetadata;
  /** The properties that point to a Person. */
  props: EntityProperty[];
}

/** A relation whose foreign key sits in this entity's table. */
export function isToOne(prop: EntityProperty): boolean {
  return prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
}

export function isPersonRelation(prop: EntityProperty): boolean {
  return isToOne(prop) && prop.targetMeta?.class === Person;
}

/** Never exported, never compared: password and token hashes and anything marked hidden. */
export function isSecret(prop: EntityProperty): boolean {
  return !!prop.hidden || /hash$/i.test(prop.name);
}

/** A column that holds free text (not an enum, a uuid or a key). */
export function isTextColumn(prop: EntityProperty): boolean {
  return (
    prop.kind === ReferenceKind.SCALAR &&
    prop.runtimeType === 'string' &&
    !prop.enum &&
    !prop.primary &&
    !isSecret(prop) &&
    !/uuid/i.test(String(prop.type))
  );
}

/**
 * Every entity that points to a person, read from the ORM's metadata, so a new entity with a relation to
 * Person is exported and handled at deletion without a change here.
 */
export function personLinks(metadata: MetadataStorage): PersonLink[] {
  return [...metadata.getAll().values()]
    .filter((meta) => !meta.embeddable && !meta.virtual && !meta.abstract && !meta.pivotTable)
    .filter((meta) => meta.class !== Person)
    .map((meta) => ({ meta, props: meta.relations.filter(isPersonRelation) }))
    .filter((link) => link.props.length > 0)
    .sort((a, b) => a.meta.className.localeCompare(b.meta.className));
}

/** An entity known only through the metadata. */
export type Row = Record<string, unknown>;

/** Who a row may be keyed by without a foreign key. */
export interface Account {
  id: string;
  email: string;
}

/** Rows that belong to a person by their e-mail address or id rather than by a foreign key. */
export interface KeyedByAccount {
  entity: EntityClass<object>;
  /** The property that holds the address or id; shown in the export's `linkedAs`. */
  prop: string;
  where: (account: Account) => FilterQuery<Row>;
  matches: (row: Row, account: Account) => boolean;
}

/** What a feature tells the GDPR export and deletion beyond what the ORM's metadata says. */
export interface GdprRules {
  /** Exported and deleted with the account. */
  keyedByAccount?: KeyedByAccount[];
  /** A kept row of `entity` whose reference to the deleted person was just set to null. */
  unlinked?: { entity: EntityClass<object>; apply: (row: object) => void }[];
}
