import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import { LiveBanner } from '../live/LiveBanner';
import { useBrowserTimeZoneByDefault } from '../preferences/useBrowserTimeZoneByDefault';
import { Header } from './Header';

export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  useBrowserTimeZoneByDefault();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      {viewer.role === 'STUDENT' && <LiveBanner />}
      <main className="page" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <span>Amphi</span>
        <a href="/graphiql">{t('nav.graphiql')}</a>
      </footer>
    </div>
  );
}
