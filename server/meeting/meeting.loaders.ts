import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { MeetingParticipant } from '../participant/participant.entity';
import type { User } from '../user/user.entity';

export interface ParticipantCounts {
  invited: number;
  accepted: number;
  present: number;
  inRoom: number;
}

const NO_PARTICIPANTS: ParticipantCounts = { invited: 0, accepted: 0, present: 0, inRoom: 0 };

/** Per-request batch loaders keyed by meeting id: one statement for a whole page of meetings. */
export function createMeetingLoaders(em: EntityManager, viewer: User | null) {
  const participants = new DataLoader<string, MeetingParticipant[]>(async (meetingIds) => {
    const rows = await em.find(
      MeetingParticipant,
      { meeting: { $in: [...meetingIds] } },
      { populate: ['user'], orderBy: { user: { displayName: 'asc' }, id: 'asc' } },
    );
    return meetingIds.map((id) => rows.filter((row) => row.meeting.id === id));
  });

  const counts = new DataLoader<string, ParticipantCounts>(async (meetingIds) => {
    const rows: Array<{ meeting_id: string } & ParticipantCounts> = await em.getConnection().execute(
      `select meeting_id,
              count(*)::int as invited,
              count(*) filter (where rsvp = 'ACCEPTED')::int as accepted,
              count(*) filter (where status = 'PRESENT')::int as present,
              count(*) filter (where present_since is not null)::int as "inRoom"
         from meeting_participants
        where meeting_id in (${meetingIds.map(() => '?').join(', ')})
        group by meeting_id`,
      [...meetingIds],
    );
    const byMeeting = new Map(rows.map((row) => [row.meeting_id, row]));
    return meetingIds.map((id) => byMeeting.get(id) ?? NO_PARTICIPANTS);
  });

  const viewerParticipation = new DataLoader<string, MeetingParticipant | null>(async (meetingIds) => {
    if (!viewer) return meetingIds.map(() => null);
    const rows = await em.find(MeetingParticipant, { meeting: { $in: [...meetingIds] }, user: viewer.id });
    return meetingIds.map((id) => rows.find((row) => row.meeting.id === id) ?? null);
  });

  return {
    participants,
    counts,
    viewerParticipation,
    /** After a change to a meeting, later reads in the same request must see it. */
    forgetMeeting(meetingId: string) {
      participants.clear(meetingId);
      counts.clear(meetingId);
      viewerParticipation.clear(meetingId);
    },
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;
