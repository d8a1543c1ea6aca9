import { useTranslation } from 'react-i18next';
import { useLiveState } from './LiveEventsProvider';

/** A discreet indicator: live updates flowing, or being restored after a drop. */
export function LiveStatus() {
  const { t } = useTranslation();
  const state = useLiveState();
  if (!state) return null;
  return (
    <span className={`connection connection--${state}`} role="status" data-live-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{t(`live.state.${state}`)}</span>
    </span>
  );
}
