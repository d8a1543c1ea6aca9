import { Field, ObjectType } from 'type-graphql';
import type { JoinInfo } from '../commands/participation';

@ObjectType('JoinInfo', { description: 'What the client needs to open the Jitsi room.', simpleResolvers: true })
export class JoinInfoType implements JoinInfo {
  @Field(() => String, { description: 'Jitsi Meet host, e.g. meet.jit.si.' })
  domain: string;

  @Field(() => String)
  roomName: string;

  @Field(() => String, { nullable: true, description: 'Room token when Jitsi token auth is configured.' })
  jwt: string | null;

  @Field(() => String)
  displayName: string;

  @Field(() => Boolean)
  moderator: boolean;
}
