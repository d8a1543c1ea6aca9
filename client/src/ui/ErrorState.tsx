import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors/useErrorMessage';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{t('errors.title')}</p>
      <p>{message(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
