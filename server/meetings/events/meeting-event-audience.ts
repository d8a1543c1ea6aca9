import type { Audience } from '../../live/event-log';
import { eventRecipients, managesEveryMeeting, receivesAs } from '../access';
import type { EventDelivery } from './event-delivery';

/** The meetings' rules for who receives which event (access.ts), as the hub and each stream ask them. */
export const meetingEventAudience: Audience<EventDelivery> = { receivesAs, recipients: eventRecipients, receivesEverything: managesEveryMeeting };
