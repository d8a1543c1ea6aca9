import { useTranslation } from 'react-i18next';
import { useNow } from '../ui/useNow';

function parts(milliseconds: number) {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

/** Time left before the scheduled start, ticking every second. */
export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = parts(Date.parse(until) - now);
  const units = [
    { name: 'days', value: left.days, label: t('countdown.days', { count: left.days }), shown: left.days > 0 },
    { name: 'hours', value: left.hours, label: t('countdown.hours', { count: left.hours }), shown: left.days > 0 || left.hours > 0 },
    { name: 'minutes', value: left.minutes, label: t('countdown.minutes', { count: left.minutes }), shown: true },
    { name: 'seconds', value: left.seconds, label: t('countdown.seconds', { count: left.seconds }), shown: left.days === 0 },
  ].filter((unit) => unit.shown);
  return (
    <div className="countdown" role="timer" aria-label={t('countdown.label')}>
      {units.map((unit) => (
        <span key={unit.name} className="countdown__unit">
          <span className="countdown__value">{String(unit.value).padStart(2, '0')}</span>
          <span className="countdown__label">{unit.label}</span>
        </span>
      ))}
    </div>
  );
}
