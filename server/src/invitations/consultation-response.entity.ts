import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { CompilationVerdict } from '@samverka/domain';
import { Person } from '../accounts/person.entity.js';
import { Party } from '../parties/party.entity.js';
import { Invitation } from './invitation.entity.js';

/**
 * A party's response to a consultation (remissvar), one per party, changeable until the deadline. Published
 * after the deadline unless `withheld`. The compilation answers it as a whole (`verdict`) or point by point.
 */
@Entity({ tableName: 'consultation_response' })
@Unique({ properties: ['invitation', 'party'] })
export class ConsultationResponse {
  [OptionalProps]?: 'submittedAt' | 'updatedAt' | 'withheld' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invitation, { ref: true, deleteRule: 'cascade' })
  invitation!: Ref<Invitation>;

  @ManyToOne(() => Party, { ref: true, deleteRule: 'cascade', index: true })
  party!: Ref<Party>;

  /** The response's general text. */
  @Property({ type: 'text', nullable: true })
  text?: string | null;

  /** The party asked that the response not be published. */
  @Property({ type: 'boolean', default: false })
  withheld: boolean = false;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  author?: Ref<Person> | null;

  @Property({ type: 'datetime' })
  submittedAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  /** The compilation's answer to the response as a whole. */
  @Enum({ items: () => CompilationVerdict, nativeEnumName: 'compilation_verdict', nullable: true })
  verdict?: CompilationVerdict | null;

  @Property({ type: 'text', nullable: true })
  verdictReason?: string | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}
