// Supervisor / leader dashboard (/dashboard): rates, trend, map, lists; 一村一档 profiles.
import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage.tsx';
import { ProfilePage } from './ProfilePage.tsx';

export default function DashboardArea() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="division/:code" element={<ProfilePage />} />
      <Route path="*" element={<DashboardPage />} />
    </Routes>
  );
}
