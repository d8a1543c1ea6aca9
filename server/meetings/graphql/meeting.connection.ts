import { Field, ObjectType } from 'type-graphql';
import { Meeting } from '../model/meeting.entity';
import type { MeetingView } from '../read/meeting-row';

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

  @Field(() => Meeting)
  node: MeetingView;
}

@ObjectType({ simpleResolvers: true })
export class MeetingConnection {
  @Field(() => [MeetingEdge])
  edges: MeetingEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
