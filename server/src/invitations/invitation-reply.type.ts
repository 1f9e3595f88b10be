import { Field, ID, ObjectType } from 'type-graphql';
import { InvitationReplyKind } from '@samverka/domain';
import type { InvitationReply } from './invitation-reply.entity.js';

/** A party's written answer as the invitation shows it: to the inviting party, and to the answering party. */
@ObjectType('InvitationReply', {
  description: 'A party’s written answer to a dialogue invitation: input, or a decline.',
})
export class InvitationReplyView {
  @Field(() => ID, { description: 'Opaque id.' })
  id!: string;

  /** The uuid of the answering party, for the party field. */
  partyId!: string;

  @Field(() => InvitationReplyKind, { description: 'Input, or a decline.' })
  kind!: InvitationReplyKind;

  @Field(() => String, { description: 'The input, or the reason for declining.' })
  text!: string;

  @Field(() => Date, { description: 'When it was given.' })
  createdAt!: Date;
}

/** The view of a reply row. */
export function replyView(reply: InvitationReply): InvitationReplyView {
  return Object.assign(new InvitationReplyView(), {
    id: Buffer.from(`InvitationReply:${reply.id}`).toString('base64url'),
    partyId: reply.party.id,
    kind: reply.kind,
    text: reply.text,
    createdAt: reply.createdAt,
  });
}
