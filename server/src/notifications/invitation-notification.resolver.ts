import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Invitation } from '../invitations/invitation.entity.js';
import { Notification } from './notification.entity.js';

/** The invitation a notification tells of; only published invitations are told of, so it is public. */
@Resolver(() => Notification)
export class InvitationNotificationResolver {
  @FieldResolver(() => Invitation, {
    nullable: true,
    description: 'The invitation or consultation it is about; null for a notification of a matter.',
  })
  invitation(@Root() notification: Notification): Promise<Invitation | null> {
    return notification.invitation
      ? notification.invitation.load({ dataloader: true })
      : Promise.resolve(null);
  }
}
