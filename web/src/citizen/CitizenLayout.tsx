// Phone-first shell: a slim top bar, the page, and a bottom tab bar within thumb reach.
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { EditOutlined, NotificationOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useLogout, useMe } from '../api/auth.ts';
import { Button } from 'antd';
import { useT } from '../i18n/index.tsx';
import { LocaleSwitch } from '../app/LocaleSwitch.tsx';

const tabs = [
  { to: '/', key: 'nav.submit', icon: <EditOutlined /> },
  { to: '/track', key: 'nav.track', icon: <SearchOutlined /> },
  { to: '/board', key: 'nav.board', icon: <NotificationOutlined /> },
];

export function CitizenLayout({ children }: { children: ReactNode }) {
  const t = useT();
  // a citizen signed in with an account has their own requests (我的诉求) at hand
  const me = useMe();
  const citizen = me.data?.role === 'citizen';
  const logout = useLogout();
  const shown = citizen ? [...tabs, { to: '/mine', key: 'nav.mine', icon: <UserOutlined /> }] : tabs;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8', paddingBottom: 'calc(72px + env(safe-area-inset-bottom))' }}>
      <header style={{ background: '#c8102e', color: '#fff', position: 'sticky', top: 0, zIndex: 10 }}>
        <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex', alignItems: 'center', padding: '8px 12px', gap: 8 }}>
          <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 18, flex: 1 }}>
            {t('app.name')} <span style={{ fontWeight: 400, fontSize: 13, opacity: 0.9 }}>12345 · {t('app.tagline')}</span>
          </Link>
          {citizen ? (
            <>
              <span style={{ fontSize: 13, opacity: 0.95 }} data-testid="citizen-name">{me.data?.displayName}</span>
              <Button ghost size="small" onClick={() => logout.mutate()} data-testid="citizen-logout">{t('login.logout')}</Button>
            </>
          ) : null}
          <LocaleSwitch ghost size="small" />
        </div>
      </header>
      <main id="main" style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
        {children}
        {citizen ? null : (
          <p style={{ textAlign: 'center', marginTop: 24, fontSize: 13 }}>
            <Link to="/login">{t('nav.staffLogin')}</Link>
          </p>
        )}
      </main>
      <nav
        aria-label={t('app.name')}
        style={{
          position: 'fixed', bottom: 0, left: 0, right: 0, background: '#fff', borderTop: '1px solid #e5e5e5',
          paddingBottom: 'env(safe-area-inset-bottom)', zIndex: 10,
        }}
      >
        <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex' }}>
          {shown.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              // /track/LX… is still the track tab; only the submit page (/) must match exactly
              end={tab.to === '/'}
              style={({ isActive }) => ({
                flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
                minHeight: 56, fontSize: 13, color: isActive ? '#c8102e' : '#555', fontWeight: isActive ? 600 : 400,
              })}
            >
              <span style={{ fontSize: 20 }} aria-hidden>
                {tab.icon}
              </span>
              {t(tab.key)}
            </NavLink>
          ))}
        </div>
      </nav>
    </div>
  );
}
