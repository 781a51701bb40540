// Desktop shell for staff areas: brand, the areas this role may open, language, user menu.
import type { ReactNode } from 'react';
import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMe, useLogout } from '../api/auth.ts';
import { useT } from '../i18n/index.tsx';
import { areasFor } from './areas.ts';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

// the roles the SLA sweep writes to: a unit's handlers and leaders, and the centre
const NOTIFIED_ROLES = new Set(['handler', 'leader', 'agent', 'dispatcher', 'supervisor', 'admin']);

export function StaffLayout({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const t = useT();
  const loc = useLocation();
  const nav = useNavigate();
  const logout = useLogout();
  const areas = areasFor(me?.role);
  const current = areas.find((a) => loc.pathname === a.path || loc.pathname.startsWith(a.path + '/'));
  // on a phone (the grid worker's) the tagline and the name give way: the menu button stays whole
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, padding: narrow ? '0 8px' : '0 16px', background: '#8c0b20', overflow: 'hidden' }}>
        <Link to={areas[0]?.path ?? '/'} style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')} {narrow ? null : <span style={{ fontWeight: 400, fontSize: 14, opacity: 0.85 }}>{t('app.tagline')}</span>}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          selectedKeys={current ? [current.path] : []}
          items={areas.map((a) => ({ key: a.path, label: <Link to={a.path}>{t(a.navKey)}</Link> }))}
        />
        <Space style={{ color: '#fff', flexShrink: 0 }} size={narrow ? 4 : 8}>
          <LocaleSwitch ghost />
          {me && NOTIFIED_ROLES.has(me.role) ? <NotificationBell /> : null}
          {me ? (
            <Dropdown
              menu={{
                items: [
                  { key: 'unit', label: me.unitName ?? t(`role.${me.role}`), disabled: true },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('login.logout'),
                    onClick: () => logout.mutate(undefined, { onSettled: () => nav('/login') }),
                  },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} style={{ color: '#fff' }} data-testid="user-menu" aria-label={`${me.displayName} · ${t(`role.${me.role}`)}`}>
                {narrow ? null : `${me.displayName} · ${t(`role.${me.role}`)}`}
              </Button>
            </Dropdown>
          ) : null}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }} id="main">
        {children}
      </Layout.Content>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 8, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Layout>
  );
}
