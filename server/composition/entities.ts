import { MeetingEventRecord } from '../meetings/events/meeting-event.entity';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';
import { User } from '../accounts/model/user.entity';

export const entities = [User, Meeting, MeetingParticipant, MeetingEventRecord];
