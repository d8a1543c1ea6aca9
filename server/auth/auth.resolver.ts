import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { User } from '../user/user.entity';
import { signIn } from './auth.service';
import { AuthPayload } from './auth.types';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null without a token.' })
  me(@Ctx() ctx: Context): User | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload)
  signIn(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return signIn(ctx, email, password);
  }
}
