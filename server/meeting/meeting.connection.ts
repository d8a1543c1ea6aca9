import { Field, ObjectType } from 'type-graphql';
import { Meeting } from './meeting.entity';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class MeetingEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Meeting)
  node: Meeting;
}

@ObjectType()
export class MeetingConnection {
  @Field(() => [MeetingEdge])
  edges: MeetingEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
