import type { MeetingStatus } from '../gql/graphql';

interface ManagedMeeting {
  status: MeetingStatus;
  canStart: boolean;
}

export interface MeetingActionsAllowed {
  start: boolean;
  enterRoom: boolean;
  end: boolean;
  edit: boolean;
  cancel: boolean;
  invite: boolean;
}

/**
 * What the owner (or an admin) may do now, as the server decides it: `canStart` from the server, the
 * rest from the lifecycle SCHEDULED → LIVE → ENDED, SCHEDULED → CANCELLED.
 */
export function allowedActions(meeting: ManagedMeeting): MeetingActionsAllowed {
  const open = meeting.status === 'SCHEDULED' || meeting.status === 'LIVE';
  return {
    start: meeting.canStart,
    enterRoom: meeting.status === 'LIVE',
    end: meeting.status === 'LIVE',
    edit: open,
    cancel: meeting.status === 'SCHEDULED',
    invite: open,
  };
}

/** The server lets the owner go live from 15 minutes before the scheduled time. */
const EARLY_START_MS = 15 * 60_000;

export function startOpensAt(scheduledAt: string): string {
  return new Date(Date.parse(scheduledAt) - EARLY_START_MS).toISOString();
}
