import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import type { ParticipantSummary, UserSummary } from '../read/participant-row';
import { cachedIn } from '../../platform/cache';

/** The fields a selection may ask below a point: `true` where nothing below is read from the row. */
interface Allowed {
  readonly [field: string]: Allowed | true;
}

const USER_SUMMARY_FIELDS: Record<keyof UserSummary | '__typename', true> = {
  __typename: true,
  id: true,
  email: true,
  displayName: true,
  role: true,
};

const PARTICIPANT_SUMMARY_FIELDS: Record<
  Extract<keyof ParticipantSummary, 'id' | 'status' | 'rsvp' | 'user'> | '__typename' | 'meeting',
  Allowed | true
> = {
  __typename: true,
  id: true,
  status: true,
  rsvp: true,
  // Resolved from the summary's meetingId, like a row's.
  meeting: true,
  user: USER_SUMMARY_FIELDS,
};

function within(selectionSet: SelectionSetNode | undefined, allowed: Allowed | true, fragments: GraphQLResolveInfo['fragments']): boolean {
  if (allowed === true || !selectionSet) return true;
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch returns for every kind of selection (TypeScript checks it is exhaustive).
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD: {
        const below = allowed[selection.name.value];
        return below !== undefined && within(selection.selectionSet, below, fragments);
      }
      case Kind.INLINE_FRAGMENT:
        return within(selection.selectionSet, allowed, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        return fragment !== undefined && within(fragment.selectionSet, allowed, fragments);
      }
    }
  });
}

/** By the field's nodes, which belong to a parsed document that is kept and reused across requests. */
const verdicts = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Whether a list of participants is asked for nothing a ParticipantSummary lacks, fragments included.
 * `@skip` and `@include` are not read: a field they may leave out counts as asked, so the answer never
 * depends on variables, and a summary is never given where a field would then be missing.
 */
export function asksForSummariesOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  return cachedIn(verdicts, info.fieldNodes, (nodes) => nodes.every((node) => within(node.selectionSet, PARTICIPANT_SUMMARY_FIELDS, info.fragments)));
}
