/**
 * The page both servers are measured on: the upcoming meetings, soonest first, each with its
 * instructor, its participants and their users, and its counts. Each server is asked in its own
 * schema's words; both answers are brought to one shape to check they carry the same data.
 */

export const AMPHI_UPCOMING_PAGE = `query UpcomingPage($first: Int!) {
  meetings(when: UPCOMING, first: $first) {
    edges { node {
      id title scheduledAt endsAt status
      instructor { id displayName }
      participants { id status rsvp user { id displayName } }
      participantCount acceptedCount presentCount
    } }
  }
}`;

export const POSTGRAPHILE_UPCOMING_PAGE = `query UpcomingPage($first: Int!) {
  upcomingMeetings(first: $first, orderBy: [SCHEDULED_AT_ASC, ROW_ID_ASC]) {
    nodes {
      rowId title scheduledAt endsAt status
      userByInstructorId { rowId displayName }
      meetingParticipantsByMeetingId { nodes { rowId status rsvp userByUserId { rowId displayName } } totalCount }
      accepted: meetingParticipantsByMeetingId(condition: { rsvp: "ACCEPTED" }) { totalCount }
      present: meetingParticipantsByMeetingId(condition: { status: "PRESENT" }) { totalCount }
    }
  }
}`;

export interface PageMeeting {
  id: string;
  title: string;
  /** Epoch milliseconds: the servers format timestamps differently. */
  scheduledAt: number;
  endsAt: number;
  status: string;
  instructor: { id: string; displayName: string };
  /** By id: Amphi sorts them by name, PostGraphile cannot sort by a joined column. */
  participants: Array<{ id: string; status: string; rsvp: string; user: { id: string; displayName: string } }>;
  participantCount: number;
  acceptedCount: number;
  presentCount: number;
}

type Participant = PageMeeting['participants'][number];
const byId = (a: Participant, b: Participant) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A page meeting as Amphi answers it: timestamps as ISO strings. */
type AmphiNode = Omit<PageMeeting, 'scheduledAt' | 'endsAt'> & { scheduledAt: string; endsAt: string };

export function amphiPage(data: { meetings: { edges: Array<{ node: AmphiNode }> } }): PageMeeting[] {
  return data.meetings.edges.map(({ node }) => ({
    ...node,
    scheduledAt: Date.parse(node.scheduledAt),
    endsAt: Date.parse(node.endsAt),
    participants: node.participants.map(({ id, status, rsvp, user }) => ({ id, status, rsvp, user })).sort(byId),
  }));
}

interface PostGraphileNode {
  rowId: string;
  title: string;
  scheduledAt: string;
  endsAt: string;
  status: string;
  userByInstructorId: { rowId: string; displayName: string };
  meetingParticipantsByMeetingId: {
    nodes: Array<{ rowId: string; status: string; rsvp: string; userByUserId: { rowId: string; displayName: string } }>;
    totalCount: number;
  };
  accepted: { totalCount: number };
  present: { totalCount: number };
}

export function postGraphilePage(data: { upcomingMeetings: { nodes: PostGraphileNode[] } }): PageMeeting[] {
  return data.upcomingMeetings.nodes.map((node) => ({
    id: node.rowId,
    title: node.title,
    scheduledAt: Date.parse(node.scheduledAt),
    endsAt: Date.parse(node.endsAt),
    status: node.status,
    instructor: { id: node.userByInstructorId.rowId, displayName: node.userByInstructorId.displayName },
    participants: node.meetingParticipantsByMeetingId.nodes
      .map(({ rowId, status, rsvp, userByUserId }) => ({
        id: rowId,
        status,
        rsvp,
        user: { id: userByUserId.rowId, displayName: userByUserId.displayName },
      }))
      .sort(byId),
    participantCount: node.meetingParticipantsByMeetingId.totalCount,
    acceptedCount: node.accepted.totalCount,
    presentCount: node.present.totalCount,
  }));
}
