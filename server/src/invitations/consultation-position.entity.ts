import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { CompilationVerdict, ProposalStance } from '@samverka/domain';
import { ConsultationProposal } from './consultation-proposal.entity.js';
import { ConsultationResponse } from './consultation-response.entity.js';

/** A response's view of one proposal (tillstyrker, avstyrker, ingen synpunkt), and the compilation's answer to it. */
@Entity({ tableName: 'consultation_position' })
@Unique({ properties: ['response', 'proposal'] })
export class ConsultationPosition {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ConsultationResponse, { ref: true, deleteRule: 'cascade' })
  response!: Ref<ConsultationResponse>;

  @ManyToOne(() => ConsultationProposal, { ref: true, deleteRule: 'cascade', index: true })
  proposal!: Ref<ConsultationProposal>;

  @Enum({ items: () => ProposalStance, nativeEnumName: 'proposal_stance' })
  stance!: ProposalStance;

  @Property({ type: 'text', nullable: true })
  text?: string | null;

  @Enum({ items: () => CompilationVerdict, nativeEnumName: 'compilation_verdict', nullable: true })
  verdict?: CompilationVerdict | null;

  @Property({ type: 'text', nullable: true })
  verdictReason?: string | null;
}
