import { Field, ObjectType } from 'type-graphql';
import type { MeetingRow } from '../read/meeting-row';
import { MeetingType } from './meeting.type';

@ObjectType({ simpleResolvers: true })
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

@ObjectType({ simpleResolvers: true })
export class MeetingEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => MeetingType)
  node: MeetingRow;
}

@ObjectType({ simpleResolvers: true })
export class MeetingConnection {
  @Field(() => [MeetingEdge])
  edges: MeetingEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
