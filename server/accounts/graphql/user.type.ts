import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { UserView } from '../model/user-view';
import { Role } from './enums';

@ObjectType('User', { description: 'A person who signs in to Amphi.', simpleResolvers: true })
export class UserType implements UserView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;
}
