import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { UserView } from '../model/user-view';
import { createUser, listUsers } from '../users/users';
import type { AccountsContext } from './accounts-context';
import { Role } from './enums';
import { CreateUserInput, UsersArgs } from './user.inputs';
import { UserType } from './user.type';

@Resolver(() => UserType)
export class UserResolver {
  @Authorized(Role.ADMIN, Role.INSTRUCTOR)
  @Query(() => [UserType], { description: 'People to invite: filter by role and by part of a name or email.' })
  users(@Ctx() ctx: AccountsContext, @Args(() => UsersArgs) args: UsersArgs): Promise<UserView[]> {
    return listUsers(ctx.em, args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType)
  createUser(@Ctx() ctx: AccountsContext, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<UserView> {
    return createUser(ctx.em, input);
  }
}
