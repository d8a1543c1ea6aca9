import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { UserView } from '../model/user-view';
import { signIn } from '../sign-in/sign-in';
import type { AccountsContext } from './accounts-context';
import { AuthPayload } from './auth-payload.type';
import { UserType } from './user.type';

@Resolver()
export class AuthResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user; null without a token.' })
  me(@Ctx() ctx: AccountsContext): UserView | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload)
  signIn(
    @Ctx() ctx: AccountsContext,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return signIn(ctx, email, password, ctx.clientAddress);
  }
}
