import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Viewer } from '../access';
import { ParticipantStatus, Rsvp } from '../model/participant-status';
import { findMeetings, type MeetingRow } from './meeting-row';
import { loadParticipantRows, loadParticipantSummaries, type ParticipantRow, type ParticipantSummary } from './participant-row';
import { cachedIn } from '../../platform/cache';

export interface ParticipantCounts {
  invited: number;
  accepted: number;
  present: number;
  inRoom: number;
}

const NO_PARTICIPANTS: ParticipantCounts = { invited: 0, accepted: 0, present: 0, inRoom: 0 };

export type ParticipantsLoader = DataLoader<string, ParticipantRow[]>;
export type ParticipantSummariesLoader = DataLoader<string, ParticipantSummary[]>;
export type CountsLoader = DataLoader<string, ParticipantCounts>;
export type MeetingsLoader = DataLoader<string, MeetingRow | null>;

/** Loaders whose answers are the same for every viewer, which several contexts may share. */
export interface ViewerIndependentLoaders {
  meetings: MeetingsLoader;
  participants: ParticipantsLoader;
  participantSummaries: ParticipantSummariesLoader;
  counts: CountsLoader;
}

const participantsByUser = new WeakMap<ParticipantRow[], Map<string, ParticipantRow>>();

/** A user's invitation among a meeting's participants, indexed once per list: thousands of viewers may ask. */
function participationOf(participants: ParticipantRow[], userId: string): ParticipantRow | null {
  const byUser = cachedIn(participantsByUser, participants, (list) => new Map(list.map((participant) => [participant.user.id, participant])));
  return byUser.get(userId) ?? null;
}

/** A meeting's participant counts over `meeting_participants` rows, as ParticipantCounts. Keep in step with countOf(). */
export const PARTICIPANT_COUNTS = `count(*)::int as invited,
            count(*) filter (where rsvp = 'ACCEPTED')::int as accepted,
            count(*) filter (where status = 'PRESENT')::int as present,
            count(*) filter (where present_since is not null)::int as "inRoom"`;

/** Counts in SQL, for meetings whose participants are not loaded anyway. */
async function countInDatabase(em: EntityManager, meetingIds: readonly string[]): Promise<Map<string, ParticipantCounts>> {
  if (meetingIds.length === 0) return new Map();
  const rows: Array<{ meeting_id: string } & ParticipantCounts> = await em.getConnection().execute(
    `select meeting_id, ${PARTICIPANT_COUNTS}
       from meeting_participants
      where meeting_id in (${meetingIds.map(() => '?').join(', ')})
      group by meeting_id`,
    [...meetingIds],
  );
  return new Map(rows.map(({ meeting_id: meetingId, ...counts }) => [meetingId, counts]));
}

/** The same counts from a meeting's loaded participants: keep in step with PARTICIPANT_COUNTS. */
function countOf(participants: ParticipantSummary[]): ParticipantCounts {
  const count = (test: (participant: ParticipantSummary) => boolean) => participants.filter(test).length;
  return {
    invited: participants.length,
    accepted: count((participant) => participant.rsvp === Rsvp.ACCEPTED),
    present: count((participant) => participant.status === ParticipantStatus.PRESENT),
    inRoom: count((participant) => participant.presentSince !== null),
  };
}

/** Each meeting's rows, in the order of `meetingIds` (empty for a meeting without any). */
function byMeeting<T extends { meetingId: string }>(meetingIds: readonly string[], rows: T[]): T[][] {
  const grouped = new Map<string, T[]>(meetingIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.meetingId)?.push(row);
  return meetingIds.map((id) => grouped.get(id)!);
}

/** Meetings by id, with their instructors, in the order asked (null for one that does not exist). */
async function meetingsById(em: EntityManager, ids: readonly string[]): Promise<Array<MeetingRow | null>> {
  const rows = new Map((await findMeetings(em, { id: { $in: [...ids] } })).map((row) => [row.id, row]));
  return ids.map((id) => rows.get(id) ?? null);
}

/**
 * Per-request batch loaders keyed by meeting id: one statement for a whole page of meetings (its
 * participants as rows, or as summaries where a page asks for no more, see asksForSummariesOnly), and
 * none for the counts of meetings whose participants the request loads anyway (a page showing both
 * costs one statement, not two). With `shared`, its participants and counts are used (e.g. one load
 * for every subscriber of an event) and the viewer's own invitation is found among those participants
 * instead of being queried.
 */
export function createMeetingLoaders(em: EntityManager, viewer: Viewer | null, shared?: ViewerIndependentLoaders) {
  /** Meetings read by id: a participant's meeting, the result of a change. */
  const meetings: MeetingsLoader = shared?.meetings ?? new DataLoader((ids) => meetingsById(em, ids));
  /** The participant loaders' caches: which meetings' participants this request asked for. */
  const requestedParticipants = new Map<string, Promise<ParticipantRow[]>>();
  const requestedSummaries = new Map<string, Promise<ParticipantSummary[]>>();
  const participants: ParticipantsLoader =
    shared?.participants ??
    new DataLoader(async (meetingIds) => byMeeting(meetingIds, await loadParticipantRows(em, meetingIds)), { cacheMap: requestedParticipants });
  const participantSummaries: ParticipantSummariesLoader =
    shared?.participantSummaries ??
    new DataLoader(async (meetingIds) => byMeeting(meetingIds, await loadParticipantSummaries(em, meetingIds)), { cacheMap: requestedSummaries });

  // Dispatched after every field of the page asked for what it needs, so the participants requested
  // by this page are known by then.
  const counts: CountsLoader =
    shared?.counts ??
    new DataLoader<string, ParticipantCounts>(async (meetingIds) => {
      const listedFor = (id: string) => requestedParticipants.get(id) ?? requestedSummaries.get(id);
      const fromDatabase = await countInDatabase(
        em,
        meetingIds.filter((id) => !listedFor(id)),
      );
      return Promise.all(
        meetingIds.map(async (id) => {
          const listed = listedFor(id);
          return listed ? countOf(await listed) : (fromDatabase.get(id) ?? NO_PARTICIPANTS);
        }),
      );
    });

  const viewerParticipation = new DataLoader<string, ParticipantRow | null>(async (meetingIds) => {
    if (!viewer) return meetingIds.map(() => null);
    if (shared) return Promise.all(meetingIds.map(async (id) => participationOf(await participants.load(id), viewer.id)));
    const rows = await loadParticipantRows(em, meetingIds, viewer.id);
    return meetingIds.map((id) => rows.find((row) => row.meetingId === id) ?? null);
  });

  return {
    meetings,
    participants,
    participantSummaries,
    counts,
    viewerParticipation,
    /** After a change to a meeting, later reads in the same request must see it. */
    forgetMeeting(meetingId: string) {
      meetings.clear(meetingId);
      participants.clear(meetingId);
      participantSummaries.clear(meetingId);
      counts.clear(meetingId);
      viewerParticipation.clear(meetingId);
    },
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;
