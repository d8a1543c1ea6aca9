import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from '../accounts/graphql/auth-checker';
import { AuthResolver } from '../accounts/graphql/auth.resolver';
import { CalendarResolver } from '../calendar/graphql/calendar.resolver';
import { MeetingEventResolver } from '../meetings/graphql/meeting-event.resolver';
import { MeetingResolver } from '../meetings/graphql/meeting.resolver';
import { refuseNulCharacters } from '../graphql/nul-characters';
import { ParticipantResolver } from '../meetings/graphql/participant.resolver';
import { PreferencesResolver } from '../accounts/graphql/preferences.resolver';
import { UserResolver } from '../accounts/graphql/user.resolver';

/**
 * Subscriptions get their events from the EventHub through their own `subscribe` functions;
 * type-graphql refuses to build subscriptions without a PubSub all the same.
 */
const topicsAreNotUsed: PubSub = {
  publish: () => {
    throw new Error('Amphi publishes through the event log, not through type-graphql topics');
  },
  subscribe: () => {
    throw new Error('Amphi subscriptions read the EventHub, not type-graphql topics');
  },
};

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [AuthResolver, UserResolver, MeetingResolver, ParticipantResolver, MeetingEventResolver, CalendarResolver, PreferencesResolver],
    authChecker,
    pubSub: topicsAreNotUsed,
    // Inputs without constraints (enum-only args) must still pass validation.
    validate: { forbidUnknownValues: false },
  });
  return refuseNulCharacters(schema);
}

/** The committed schema.graphql: sorted so that its diff shows real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
