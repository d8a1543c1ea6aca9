import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Offers browser notifications for meetings going live; asked on a click, as browsers require. */
export function NotificationPrompt() {
  const { t } = useTranslation();
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  const [permission, setPermission] = useState(() => (supported ? Notification.permission : 'denied'));
  if (permission !== 'default') return null;
  return (
    <div className="notice notice--info">
      <p>{t('notifications.prompt')}</p>
      <button type="button" className="button button--small" onClick={() => void Notification.requestPermission().then(setPermission)}>
        {t('notifications.enable')}
      </button>
    </div>
  );
}
