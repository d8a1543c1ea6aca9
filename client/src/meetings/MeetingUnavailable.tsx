import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorKind } from '../errors/error-codes';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';

interface MeetingUnavailableProps {
  /** Whether the query answered (with no meeting) rather than still loading. */
  answered: boolean;
  error: unknown;
  onRetry(): void;
}

/**
 * What a meeting's screens show while its meeting is not there: loading, a failure to retry, or
 * "not found", which is also what someone gets for a meeting they may not see.
 */
export function MeetingUnavailable({ answered, error, onRetry }: MeetingUnavailableProps) {
  const { t } = useTranslation();
  if (error && errorKind(error) !== 'NOT_FOUND') return <ErrorState error={error} onRetry={onRetry} />;
  if (!error && !answered) return <LoadingState label={t('common.loading')} />;
  return (
    <div className="state state--empty">
      <h1>{t('meeting.notFoundTitle')}</h1>
      <p>{t('errors.NOT_FOUND')}</p>
      <Link className="button button--primary" to="/">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
