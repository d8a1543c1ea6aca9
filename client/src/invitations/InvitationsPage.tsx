import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MeetingWhen } from '../gql/graphql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { NotificationPrompt } from '../live/NotificationPrompt';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { currentTab, FilterTabs } from '../ui/FilterTabs';
import { LoadingState } from '../ui/LoadingState';
import { InvitationCard } from './InvitationCard';
import { MyInvitationsQuery } from './my-invitations';

const WHEN = ['UPCOMING', 'PAST'] as const satisfies readonly MeetingWhen[];

export function InvitationsPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const when = currentTab(search, 'when', WHEN);
  const { data, error, refetch } = useQuery(MyInvitationsQuery, { variables: { when } });
  useDocumentTitle(t('invitations.title'));

  return (
    <>
      <div className="page-header">
        <h1>{t('invitations.title')}</h1>
      </div>
      <NotificationPrompt />
      <FilterTabs
        label={t('invitations.filterLabel')}
        param="when"
        current={when}
        tabs={WHEN.map((value) => ({ value, label: t(`when.${value}`) }))}
      />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label={t('invitations.loading')} />
      ) : data.myInvitations.length === 0 ? (
        <EmptyState title={t(`invitations.empty.${when}`)}>
          <p>{t('invitations.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul className="meeting-list" aria-label={t(`when.${when}`)}>
          {data.myInvitations.map((invitation) => (
            <InvitationCard key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
    </>
  );
}
