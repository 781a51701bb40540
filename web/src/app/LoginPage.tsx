// Staff sign-in: POST /api/v1/auth/login, then on to the page asked for or the role's home.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ME_KEY, saveLocale, useLogin } from '../api/auth.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { HOME_BY_ROLE, STAFF_AREAS } from './areas.ts';
import { LocaleSwitch } from './LocaleSwitch.tsx';

export function LoginPage() {
  const { t, adoptLocale, locale } = useI18n();
  const qc = useQueryClient();
  // a language switched to on this page is the user's choice: it goes to the account, not the reverse
  const shownIn = useRef(locale);
  const login = useLogin();
  const errorText = useErrorText();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  const onFinish = (v: { username: string; password: string }) =>
    login.mutate(v, {
      onSuccess: (me) => {
        if (locale !== shownIn.current) {
          qc.setQueryData(ME_KEY, { ...me, locale });
          saveLocale(locale).catch(() => undefined);
        } else if (me.locale === 'zh' || me.locale === 'en') adoptLocale(me.locale);
        const area = next ? STAFF_AREAS.find((a) => next === a.path || next.startsWith(a.path + '/')) : undefined;
        const target = next && next.startsWith('/') && !next.startsWith('//') && (!area || area.roles.includes(me.role)) ? next : HOME_BY_ROLE[me.role];
        nav(target, { replace: true });
      },
    });

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(160deg,#c8102e 0%,#8c0b20 100%)' }}>
      <Card style={{ width: '100%', maxWidth: 380 }} extra={<LocaleSwitch size="small" />} title={`${t('app.name')} · ${t('login.title')}`}>
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" id="login-username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" id="login-password" />
          </Form.Item>
          {login.error ? <Alert type="error" showIcon message={errorText(login.error)} style={{ marginBottom: 16 }} role="alert" /> : null}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/">{t('nav.citizenSite')}</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
