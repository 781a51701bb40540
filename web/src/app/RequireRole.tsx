// Staff areas: sign-in first, then the role must be allowed for the area.
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import type { Role } from '../contract.ts';
import { useMe, useLogout } from '../api/auth.ts';
import { useErrorText } from '../api/errors.ts';
import { useT } from '../i18n/index.tsx';
import { Loading } from './Loading.tsx';

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { data: me, isLoading, error, refetch } = useMe();
  const loc = useLocation();
  const nav = useNavigate();
  const logout = useLogout();
  const t = useT();
  const errorText = useErrorText();
  if (isLoading) return <Loading />;
  if (error) {
    return <Result status="error" title={errorText(error)} extra={<Button onClick={() => refetch()}>{t('error.retry')}</Button>} />;
  }
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!roles.includes(me.role)) {
    return (
      <Result
        status="403"
        title={t('login.noAccess')}
        subTitle={t('login.signedInAs', { name: `${me.displayName}（${t(`role.${me.role}`)}）` })}
        extra={
          <Button type="primary" onClick={() => logout.mutate(undefined, { onSettled: () => nav(`/login?next=${encodeURIComponent(loc.pathname)}`) })}>
            {t('login.switchAccount')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
