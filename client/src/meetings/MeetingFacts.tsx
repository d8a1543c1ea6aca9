import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { MeetingFactsFieldsFragment } from '../gql/graphql';
import { useFormatters } from '../ui/useFormatters';

export const MeetingFactsFields = graphql(`
  fragment MeetingFactsFields on Meeting {
    id
    title
    description
    scheduledAt
    endsAt
    durationMinutes
    attendanceThresholdPercent
    status
    startedAt
    endedAt
    cancelledAt
    cancelReason
    instructor {
      id
      displayName
    }
  }
`);

/** When, how long, who teaches, what it is about, and what happened to it. */
export function MeetingFacts({ meeting }: { meeting: MeetingFactsFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="facts">
      <dl className="facts__list">
        <div>
          <dt>{t('facts.when')}</dt>
          <dd>
            <time dateTime={meeting.scheduledAt}>{format.longDateTime(meeting.scheduledAt)}</time> –{' '}
            <time dateTime={meeting.endsAt}>{format.time(meeting.endsAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('facts.duration')}</dt>
          <dd>{format.duration(meeting.durationMinutes)}</dd>
        </div>
        {meeting.attendanceThresholdPercent !== null && (
          <div>
            <dt>{t('facts.attendanceThreshold')}</dt>
            <dd>{t('facts.attendanceThresholdValue', { percent: meeting.attendanceThresholdPercent })}</dd>
          </div>
        )}
        <div>
          <dt>{t('facts.instructor')}</dt>
          <dd>{meeting.instructor.displayName}</dd>
        </div>
        {meeting.startedAt && (
          <div>
            <dt>{t('facts.startedAt')}</dt>
            <dd>
              <time dateTime={meeting.startedAt}>{format.time(meeting.startedAt)}</time>
            </dd>
          </div>
        )}
        {meeting.endedAt && (
          <div>
            <dt>{t('facts.endedAt')}</dt>
            <dd>
              <time dateTime={meeting.endedAt}>{format.time(meeting.endedAt)}</time>
            </dd>
          </div>
        )}
      </dl>
      {meeting.status === 'CANCELLED' && (
        <div className="notice notice--warning">
          <p>
            <strong>{t('facts.cancelled')}</strong>
            {meeting.cancelReason && <> — {meeting.cancelReason}</>}
          </p>
        </div>
      )}
      {meeting.description && <p className="facts__description">{meeting.description}</p>}
    </div>
  );
}
