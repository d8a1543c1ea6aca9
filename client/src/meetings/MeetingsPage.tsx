import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import { graphql } from '../gql';
import type { MeetingWhen } from '../gql/graphql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { currentTab, FilterTabs } from '../ui/FilterTabs';
import { LoadingState } from '../ui/LoadingState';
import { MeetingListItem } from './MeetingListItem';

const MeetingsQuery = graphql(`
  query Meetings($when: MeetingWhen!, $after: String) {
    meetings(when: $when, first: 20, after: $after) {
      edges {
        cursor
        node {
          ...MeetingSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const WHEN: readonly MeetingWhen[] = ['UPCOMING', 'PAST', 'ALL'];

export function MeetingsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [search] = useSearchParams();
  const when = currentTab(search, 'when', WHEN);
  const { data, error, loading, refetch, fetchMore } = useQuery(MeetingsQuery, { variables: { when } });
  useDocumentTitle(t('meetings.title'));

  const meetings = data?.meetings.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.meetings.pageInfo;

  return (
    <>
      <div className="page-header">
        <h1>{t('meetings.title')}</h1>
        <Link className="button button--primary" to="/meetings/new">
          {t('meetings.new')}
        </Link>
      </div>
      <FilterTabs label={t('meetings.filterLabel')} param="when" current={when} tabs={WHEN.map((value) => ({ value, label: t(`when.${value}`) }))} />
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label={t('meetings.loading')} />
      ) : meetings.length === 0 ? (
        <EmptyState title={t(`meetings.empty.${when}`)}>
          {when !== 'PAST' && (
            <Link className="button button--primary" to="/meetings/new">
              {t('meetings.new')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <ul className="meeting-list" aria-label={t(`when.${when}`)}>
            {meetings.map((meeting) => (
              <MeetingListItem key={meeting.id} meeting={meeting} showInstructor={meeting.instructor.id !== viewer.id} />
            ))}
          </ul>
          {pageInfo?.hasNextPage && (
            <button
              type="button"
              className="button button--block"
              disabled={loading}
              onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
            >
              {loading ? t('common.loading') : t('meetings.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
