import { useTranslation } from 'react-i18next';
import { AddToCalendarButton } from '../calendar/AddToCalendarButton';
import type { MeetingFactsFieldsFragment } from '../gql/graphql';
import { MeetingFacts } from './MeetingFacts';

/** The meeting's facts, and while it is still to come or live, a file to add it to a calendar. */
export function MeetingDetailsCard({ meeting }: { meeting: MeetingFactsFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('meeting.details')}</h2>
      <MeetingFacts meeting={meeting} />
      {(meeting.status === 'SCHEDULED' || meeting.status === 'LIVE') && (
        <div className="section-footer">
          <AddToCalendarButton meetingId={meeting.id} title={meeting.title} />
        </div>
      )}
    </section>
  );
}
