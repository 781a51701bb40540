// The app: providers (query cache, locale, antd theme/locale), router, one lazy chunk per area.
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { antdEn, antdZh } from './antdLocale.ts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LocaleProvider, useI18n, type Locale } from '../i18n/index.tsx';
import { ApiError } from '../api/client.ts';
import { ME_KEY, saveLocale, useMe } from '../api/auth.ts';
import type { Me } from '../contract.ts';
import { STAFF_AREAS } from './areas.ts';
import { lazyArea } from './lazyArea.tsx';
import { RequireRole } from './RequireRole.tsx';
import { Loading } from './Loading.tsx';

// The staff shell and the sign-in page are not needed on the citizen's first screen.
const StaffLayout = lazy(() => import('./StaffLayout.tsx').then((m) => ({ default: m.StaffLayout })));
const LoginPage = lazy(() => import('./LoginPage.tsx').then((m) => ({ default: m.LoginPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
    },
  },
});

/** Takes the signed-in user's saved language once per sign-in. */
function LocaleSync() {
  const { data: me } = useMe();
  const { adoptLocale } = useI18n();
  useEffect(() => {
    if (me && (me.locale === 'zh' || me.locale === 'en')) adoptLocale(me.locale);
  }, [me?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

function Themed() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  }, [locale]);
  const Citizen = lazyArea('citizen');
  return (
    <ConfigProvider locale={locale === 'zh' ? antdZh : antdEn} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>
        <LocaleSync />
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {STAFF_AREAS.map(({ area, path, roles }) => {
                const Area = lazyArea(area);
                return (
                  <Route
                    key={area}
                    path={`${path}/*`}
                    element={
                      <RequireRole roles={roles}>
                        <StaffLayout>
                          <Suspense fallback={<Loading />}>
                            <Area />
                          </Suspense>
                        </StaffLayout>
                      </RequireRole>
                    }
                  />
                );
              })}
              <Route path="/*" element={<Citizen />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

function WithLocale() {
  const qc = useQueryClient();
  const persist = useCallback(
    (l: Locale) => {
      const me = qc.getQueryData<Me | null>(ME_KEY);
      if (me) {
        qc.setQueryData(ME_KEY, { ...me, locale: l });
        saveLocale(l).catch(() => undefined);
      }
    },
    [qc],
  );
  return (
    <LocaleProvider onChange={persist}>
      <Themed />
    </LocaleProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <WithLocale />
    </QueryClientProvider>
  );
}
