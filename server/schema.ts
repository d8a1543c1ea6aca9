import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { AuthResolver } from './auth/auth.resolver';
import { MeetingResolver } from './meeting/meeting.resolver';
import { ParticipantResolver } from './participant/participant.resolver';
import { UserResolver } from './user/user.resolver';

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [AuthResolver, UserResolver, MeetingResolver, ParticipantResolver],
    authChecker,
    // Inputs without constraints (enum-only args) must still pass validation.
    validate: { forbidUnknownValues: false },
  });
}

/** The committed schema.graphql: sorted so that its diff shows real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
