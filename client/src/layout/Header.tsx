import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { isOrganizer } from '../auth/viewer';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { LiveStatus } from '../live/LiveStatus';
import { Badge } from '../ui/Badge';

export function Header() {
  const { t } = useTranslation();
  const { viewer, signOut } = useSession();
  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="brand">
          <span className="logo-mark" aria-hidden="true" />
          Amphi
        </Link>
        {viewer && (
          <nav className="nav" aria-label={t('nav.label')}>
            {isOrganizer(viewer) ? (
              <NavLink to="/meetings" end>
                {t('nav.meetings')}
              </NavLink>
            ) : (
              <NavLink to="/invitations">{t('nav.invitations')}</NavLink>
            )}
            <NavLink to="/calendar">{t('nav.calendar')}</NavLink>
          </nav>
        )}
        <div className="header__tools">
          <LiveStatus />
          <LanguageSwitcher />
          {viewer && (
            <div className="who" data-testid="signed-in-user">
              <span className="avatar" aria-hidden="true">
                {initials(viewer.displayName)}
              </span>
              <span className="who__text">
                <span className="sr-only">{t('auth.signedInAs')}</span>
                <span className="who__name">{viewer.displayName}</span>
                <Badge tone="neutral">{t(`role.${viewer.role}`)}</Badge>
              </span>
            </div>
          )}
          {viewer && (
            <button type="button" className="button button--ghost" onClick={signOut}>
              <svg className="sign-out__icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
              </svg>
              <span className="sign-out__label">{t('auth.signOut')}</span>
            </button>
          )}
        </div>
      </div>
    </header>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}
