import { useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors/useErrorMessage';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { useToast } from '../ui/Toaster';
import { CalendarFeedQuery, useRenewCalendarFeed } from './calendar-feed';

/** The personal feed's address, to subscribe to from a calendar program: create, copy, or replace it. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const { data, error, refetch } = useQuery(CalendarFeedQuery);
  const renewFeed = useRenewCalendarFeed();
  const [creating, setCreating] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const feed = data?.myCalendarFeed;

  async function renew(success: string) {
    try {
      await renewFeed();
      toast.show(success, 'success');
    } catch (failure) {
      toast.show(t('calendarFeed.failed', { reason: errorMessage(failure) }), 'error');
      throw failure;
    }
  }

  async function create() {
    setCreating(true);
    try {
      await renew(t('calendarFeed.created'));
    } catch {
      // renew() has said why.
    } finally {
      setCreating(false);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      toast.show(t('calendarFeed.copied'), 'success');
    } catch {
      input.current?.select();
      toast.show(t('calendarFeed.copyFailed'), 'error');
    }
  }

  return (
    <section className="card feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('calendarFeed.title')}</h2>
      <p className="hint" id="calendar-feed-help">
        {t('calendarFeed.help')}
      </p>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label={t('calendarFeed.loading')} />
      ) : feed ? (
        <>
          <div className="field">
            <label htmlFor="calendar-feed-url">{t('calendarFeed.urlLabel')}</label>
            <div className="feed__row">
              <input
                ref={input}
                id="calendar-feed-url"
                type="text"
                readOnly
                value={feed.url}
                onFocus={(event) => event.target.select()}
                aria-describedby="calendar-feed-help"
              />
              <button type="button" className="button" onClick={() => void copy(feed.url)}>
                {t('calendarFeed.copy')}
              </button>
              <button type="button" className="button button--ghost-danger" onClick={() => setConfirmingReset(true)}>
                {t('calendarFeed.reset')}
              </button>
            </div>
          </div>
          <ConfirmDialog
            open={confirmingReset}
            title={t('calendarFeed.resetTitle')}
            confirmLabel={t('calendarFeed.reset')}
            workingLabel={t('calendarFeed.resetting')}
            cancelLabel={t('calendarFeed.keep')}
            danger
            onConfirm={() => renew(t('calendarFeed.resetDone'))}
            onClose={() => setConfirmingReset(false)}
          >
            <p>{t('calendarFeed.resetBody')}</p>
          </ConfirmDialog>
        </>
      ) : (
        <button type="button" className="button button--primary" onClick={() => void create()} disabled={creating}>
          {creating ? t('calendarFeed.creating') : t('calendarFeed.create')}
        </button>
      )}
    </section>
  );
}
