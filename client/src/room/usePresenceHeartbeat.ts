import { useMutation } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../gql';

const ReportPresenceMutation = graphql(`
  mutation ReportPresence($meetingId: ID!) {
    reportPresence(meetingId: $meetingId) {
      ...OwnInvitationFields
    }
  }
`);

/** The server counts a student unseen for 90 s as gone; the open room says otherwise every 30 s. */
const HEARTBEAT_MS = 30_000;

export function usePresenceHeartbeat(meetingId: string, active: boolean): void {
  const [report] = useMutation(ReportPresenceMutation);
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      report({ variables: { meetingId } }).catch(() => {
        // A missed beat is made up by the next one; the room stays open.
      });
    }, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, [active, meetingId, report]);
}
