import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';

export const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    displayName
    email
    role
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export type Viewer = ViewerFieldsFragment;

/** Instructors and admins schedule and run meetings; students are invited to them. */
export function isOrganizer(viewer: Viewer): boolean {
  return viewer.role === 'INSTRUCTOR' || viewer.role === 'ADMIN';
}
