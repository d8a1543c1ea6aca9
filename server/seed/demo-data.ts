import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { hashPassword } from '../accounts/sign-in/password';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';
import { InvitationResponse } from '../meetings/model/participant-status';
import { Role } from '../accounts/model/role';
import { User } from '../accounts/model/user.entity';

export const DEMO_PASSWORD = 'amphi-demo';

const DEMO_USERS = [
  { email: 'admin@amphi.test', displayName: 'Ada Admin', role: Role.ADMIN },
  { email: 'instructor@amphi.test', displayName: 'Irène Instructor', role: Role.INSTRUCTOR },
  { email: 'instructor2@amphi.test', displayName: 'Igor Instructor', role: Role.INSTRUCTOR },
  { email: 'student1@amphi.test', displayName: 'Sami Student', role: Role.STUDENT },
  { email: 'student2@amphi.test', displayName: 'Sofia Student', role: Role.STUDENT },
  { email: 'student3@amphi.test', displayName: 'Stéphane Student', role: Role.STUDENT },
  { email: 'student4@amphi.test', displayName: 'Sara Student', role: Role.STUDENT },
  { email: 'student5@amphi.test', displayName: 'Sven Student', role: Role.STUDENT },
];

const minutes = (count: number) => count * 60_000;

/** Removes the demo accounts (and their meetings) and creates them afresh with a few meetings. */
export async function seedDemoData(em: EntityManager, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await em.transactional(async (tx) => {
    const emails = DEMO_USERS.map((user) => user.email);
    const old = await tx.find(User, { email: { $in: emails } });
    const oldIds = old.map((user) => user.id);
    await tx.nativeDelete(MeetingParticipant, { $or: [{ user: { $in: oldIds } }, { meeting: { instructor: { $in: oldIds } } }] });
    await tx.nativeDelete(Meeting, { instructor: { $in: oldIds } });
    await tx.nativeDelete(User, { id: { $in: oldIds } });

    const users = DEMO_USERS.map((user) => new User({ ...user, passwordHash }));
    tx.persist(users);
    const [, instructor, instructor2, ...students] = users;
    const meeting = (owner: User, title: string, startsIn: number, durationMinutes: number, description?: string) => {
      const created = new Meeting({
        title,
        description,
        scheduledAt: new Date(now.getTime() + minutes(startsIn)),
        durationMinutes,
        instructor: ref(owner),
      });
      tx.persist(created);
      return created;
    };
    const invite = (target: Meeting, invitees: User[]) =>
      invitees.map((student) => {
        const participant = new MeetingParticipant(ref(target), ref(student), now);
        tx.persist(participant);
        return participant;
      });

    const soon = meeting(instructor, 'Linear algebra — lecture 5', 10, 60, 'Eigenvalues and eigenvectors. Bring last week’s exercises.');
    const [first, second] = invite(soon, students);
    first.respond(InvitationResponse.ACCEPT, now);
    second.respond(InvitationResponse.DECLINE, now);

    invite(meeting(instructor, 'Linear algebra — office hours', 24 * 60, 45), students.slice(0, 3));
    invite(meeting(instructor, 'Project reviews', 3 * 24 * 60, 90, 'Ten minutes per team.'), students.slice(2));

    const past = meeting(instructor, 'Linear algebra — lecture 4', -7 * 24 * 60, 60);
    const pastInvites = invite(past, students);
    past.start(new Date(past.scheduledAt.getTime()));
    pastInvites.slice(0, 3).forEach((participant, index) => {
      participant.enterRoom(new Date(past.scheduledAt.getTime() + minutes(index * 5)));
      const leftAt = new Date(past.scheduledAt.getTime() + minutes(55));
      participant.seenInRoom(leftAt);
      participant.leaveRoom(leftAt);
    });
    past.end(new Date(past.scheduledAt.getTime() + minutes(58)));
    for (const participant of pastInvites) participant.closeAttendance(past.endedAt!, past.requiredAttendanceSeconds());

    const cancelled = meeting(instructor, 'Guest lecture', 2 * 24 * 60, 60);
    invite(cancelled, students);
    cancelled.cancel(now, 'The guest speaker is ill; we will find a new date.');

    invite(meeting(instructor2, 'Statistics — tutorial', 2 * 60, 60), students.slice(1, 4));
  });
}

export async function hasAnyUser(em: EntityManager): Promise<boolean> {
  return (await em.count(User, {})) > 0;
}
