import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../composition/context';
import { PreferencesInput } from './preferences.inputs';
import { myCalendarFeed, myPreferences, renewCalendarFeed, updatePreferences } from '../preferences/preferences';
import { CalendarFeed, Preferences } from './preferences.type';

@Resolver()
export class PreferencesResolver {
  @Authorized()
  @Query(() => Preferences)
  myPreferences(@Ctx() ctx: Context): Preferences {
    return myPreferences(ctx);
  }

  @Authorized()
  @Mutation(() => Preferences)
  updatePreferences(@Ctx() ctx: Context, @Arg('input', () => PreferencesInput) input: PreferencesInput): Promise<Preferences> {
    return updatePreferences(ctx, input);
  }

  @Authorized()
  @Query(() => CalendarFeed, { nullable: true, description: 'The personal calendar feed; null until renewCalendarFeed creates it.' })
  myCalendarFeed(@Ctx() ctx: Context): CalendarFeed | null {
    return myCalendarFeed(ctx);
  }

  @Authorized()
  @Mutation(() => CalendarFeed, { description: 'Creates the personal calendar feed, or gives it a new secret address (the old one stops working).' })
  renewCalendarFeed(@Ctx() ctx: Context): Promise<CalendarFeed> {
    return renewCalendarFeed(ctx);
  }
}
