import { Field, ID, ObjectType } from 'type-graphql';

const PREFIX = 'AccountSession:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Session ids are opaque to clients, like global ids (sessions are not nodes: only their owner lists them). */
export function sessionGlobalId(id: string): string {
  return Buffer.from(`${PREFIX}${id}`).toString('base64url');
}

export function sessionIdFrom(globalId: string): string | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const id = decoded.startsWith(PREFIX) ? decoded.slice(PREFIX.length) : '';
  return UUID.test(id) ? id : null;
}

@ObjectType({ description: 'A browser or device where the person is signed in.' })
export class AccountSession {
  @Field(() => ID, { description: 'Opaque id, for endSession.' })
  id!: string;

  @Field(() => Date, { description: 'When it signed in.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it ends by itself.' })
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'True for the session this request came with.' })
  current!: boolean;
}
