import { MeetingEventRecord } from '../events/meeting-event.entity';
import { Meeting } from '../meeting/meeting.entity';
import { MeetingParticipant } from '../participant/participant.entity';
import { User } from '../user/user.entity';

export const entities = [User, Meeting, MeetingParticipant, MeetingEventRecord];
