import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { UserType } from '../../accounts/graphql/user.type';
import type { UserView } from '../../accounts/model/user-view';
import type { MeetingRow } from '../read/meeting-row';
import type { ParticipantRow } from '../read/participant-row';
import { MeetingEventType } from './enums';
import { MeetingType } from './meeting.type';
import { ParticipantType } from './participant.type';

@ObjectType({ description: 'A change to a meeting, as it is now.', simpleResolvers: true })
export class MeetingEvent {
  @Field(() => ID, { description: 'Increases with every event; pass the last one seen as afterEventId to resume.' })
  id: string;

  @Field(() => MeetingEventType)
  type: MeetingEventType;

  @Field(() => DateTimeISOResolver)
  at: Date;

  @Field(() => MeetingType)
  meeting: MeetingRow;

  @Field(() => ParticipantType, { nullable: true, description: 'For participant events, while the invitation exists.' })
  participant: ParticipantRow | null;

  @Field(() => UserType, { nullable: true, description: 'The student a participant event is about.' })
  user: UserView | null;
}
