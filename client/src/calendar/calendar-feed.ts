import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';

export const CalendarFeedQuery = graphql(`
  query CalendarFeed {
    myCalendarFeed {
      url
    }
  }
`);

const RenewCalendarFeedMutation = graphql(`
  mutation RenewCalendarFeed {
    renewCalendarFeed {
      url
    }
  }
`);

/** Creates the feed, or gives it a new address. */
export function useRenewCalendarFeed() {
  const [mutate] = useMutation(RenewCalendarFeedMutation, {
    // A feed has no id for the cache to match it by: the query's answer is replaced by hand.
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CalendarFeedQuery, data: { myCalendarFeed: data.renewCalendarFeed } });
    },
  });
  return () => mutate();
}
