import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Meeting } from '../model/meeting.entity';
import type { MeetingView } from '../read/meeting-row';
import { MeetingParticipant } from '../model/participant.entity';
import { User } from '../../accounts/model/user.entity';
import { MeetingEventType } from '../model/meeting-event-type';

@ObjectType({ description: 'A change to a meeting, as it is now.', simpleResolvers: true })
export class MeetingEvent {
  @Field(() => ID, { description: 'Increases with every event; pass the last one seen as afterEventId to resume.' })
  id: string;

  @Field(() => MeetingEventType)
  type: MeetingEventType;

  @Field(() => DateTimeISOResolver)
  at: Date;

  @Field(() => Meeting)
  meeting: MeetingView;

  @Field(() => MeetingParticipant, { nullable: true, description: 'For participant events, while the invitation exists.' })
  participant: MeetingParticipant | null;

  @Field(() => User, { nullable: true, description: 'The student a participant event is about.' })
  user: User | null;
}
