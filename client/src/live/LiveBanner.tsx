import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { MyInvitationsQuery } from '../invitations/my-invitations';

/**
 * For a student: the meetings of theirs that are live right now, with a way in. It follows the cache,
 * so it appears the moment a start event arrives and disappears when the meeting ends.
 */
export function LiveBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const { data } = useQuery(MyInvitationsQuery, { variables: { when: 'UPCOMING' }, fetchPolicy: 'cache-first' });
  const live = (data?.myInvitations ?? [])
    .map((invitation) => invitation.meeting)
    .filter((meeting) => meeting.status === 'LIVE' && meeting.canJoin && !dismissed.has(meeting.id))
    .filter((meeting) => pathname !== `/meetings/${meeting.id}/room`);
  if (live.length === 0) return null;

  return (
    <section className="live-banner" aria-label={t('live.bannerLabel')}>
      {live.map((meeting) => (
        <div key={meeting.id} className="live-banner__inner" role="status">
          <p className="live-banner__text">
            <span className="live-dot" aria-hidden="true" />
            {t('live.bannerText', { title: meeting.title })}
          </p>
          <Link className="button button--small" to={`/meetings/${meeting.id}/room`}>
            {t('meeting.join')}
          </Link>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setDismissed((current) => new Set([...current, meeting.id]))}
            aria-label={t('live.dismiss', { title: meeting.title })}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
