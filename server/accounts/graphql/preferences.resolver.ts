import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { calendarFeedUrl, type Preferences, preferencesOf, renewCalendarToken, updatePreferences } from '../preferences/preferences';
import type { AccountsContext } from './accounts-context';
import { PreferencesInput } from './preferences.inputs';
import { CalendarFeed, PreferencesType } from './preferences.type';
import { requireViewer } from './viewer';

@Resolver()
export class PreferencesResolver {
  @Authorized()
  @Query(() => PreferencesType)
  myPreferences(@Ctx() ctx: AccountsContext): Preferences {
    return preferencesOf(requireViewer(ctx), ctx.config.mail.defaultTimeZone);
  }

  @Authorized()
  @Mutation(() => PreferencesType)
  async updatePreferences(@Ctx() ctx: AccountsContext, @Arg('input', () => PreferencesInput) input: PreferencesInput): Promise<Preferences> {
    const viewer = requireViewer(ctx);
    await updatePreferences(ctx.em, viewer, input);
    return preferencesOf(viewer, ctx.config.mail.defaultTimeZone);
  }

  @Authorized()
  @Query(() => CalendarFeed, { nullable: true, description: 'The personal calendar feed; null until renewCalendarFeed creates it.' })
  myCalendarFeed(@Ctx() ctx: AccountsContext): CalendarFeed | null {
    const { calendarToken } = requireViewer(ctx);
    return calendarToken ? { url: calendarFeedUrl(ctx.config.mail.publicUrl, calendarToken) } : null;
  }

  @Authorized()
  @Mutation(() => CalendarFeed, { description: 'Creates the personal calendar feed, or gives it a new secret address (the old one stops working).' })
  async renewCalendarFeed(@Ctx() ctx: AccountsContext): Promise<CalendarFeed> {
    const token = await renewCalendarToken(ctx.em, requireViewer(ctx));
    return { url: calendarFeedUrl(ctx.config.mail.publicUrl, token) };
  }
}
