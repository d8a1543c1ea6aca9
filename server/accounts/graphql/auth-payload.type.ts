import { Field, ObjectType } from 'type-graphql';
import type { UserView } from '../model/user-view';
import { UserType } from './user.type';

@ObjectType({ simpleResolvers: true })
export class AuthPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => UserType)
  user: UserView;
}
