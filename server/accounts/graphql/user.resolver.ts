import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../composition/context';
import { Role } from '../model/role';
import { CreateUserInput, UsersArgs } from './user.inputs';
import { User } from '../model/user.entity';
import { createUser, listUsers } from '../users/users';

@Resolver(() => User)
export class UserResolver {
  @Authorized(Role.ADMIN, Role.INSTRUCTOR)
  @Query(() => [User], { description: 'People to invite: filter by role and by part of a name or email.' })
  users(@Ctx() ctx: Context, @Args(() => UsersArgs) args: UsersArgs): Promise<User[]> {
    return listUsers(ctx, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<User> {
    return createUser(ctx, input);
  }
}
