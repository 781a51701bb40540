// Citizen H5 (public, no sign-in): submit at /, track at /track, public board at /board.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { Loading } from '../app/Loading.tsx';
import { CitizenLayout } from './CitizenLayout.tsx';
import { SubmitPage } from './SubmitPage.tsx';

const TrackPage = lazy(() => import('./TrackPage.tsx'));
const BoardPage = lazy(() => import('./BoardPage.tsx'));
const MinePage = lazy(() => import('./MinePage.tsx'));

function NotFound() {
  const t = useT();
  return (
    <Result status="404" title={t('app.notFound')} extra={<Link to="/"><Button type="primary">{t('app.backHome')}</Button></Link>} />
  );
}

export default function CitizenArea() {
  return (
    <CitizenLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<SubmitPage />} />
          <Route path="submit" element={<SubmitPage />} />
          <Route path="track" element={<TrackPage />} />
          <Route path="track/:number" element={<TrackPage />} />
          <Route path="board" element={<BoardPage />} />
          <Route path="mine" element={<MinePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </CitizenLayout>
  );
}
