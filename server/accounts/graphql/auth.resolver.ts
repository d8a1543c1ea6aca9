import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../composition/context';
import { User } from '../model/user.entity';
import { signIn } from '../sign-in/sign-in';
import { AuthPayload } from './auth-payload.type';

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
