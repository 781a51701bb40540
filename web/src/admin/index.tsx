// Admin (/admin): divisions and units, users and roles, categories, routing rules with a tester,
// time limits and holiday overrides, rate formulas. One tab per section, each its own URL.
import { Card, Tabs } from 'antd';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { OrgPage } from './OrgPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import { CategoriesPage } from './CategoriesPage.tsx';
import { RulesPage } from './RulesPage.tsx';
import { TimePage } from './TimePage.tsx';
import { RatesPage } from './RatesPage.tsx';

const SECTIONS = ['org', 'users', 'categories', 'rules', 'time', 'rates'] as const;
type Section = (typeof SECTIONS)[number];

function Admin() {
  const { t } = useI18n();
  const nav = useNavigate();
  const { section } = useParams();
  const active: Section = (SECTIONS as readonly string[]).includes(section ?? '') ? (section as Section) : 'org';
  const pages: Record<Section, React.ReactNode> = {
    org: <OrgPage />, users: <UsersPage />, categories: <CategoriesPage />, rules: <RulesPage />, time: <TimePage />, rates: <RatesPage />,
  };
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => nav(`/admin/${k}`)}
        destroyOnHidden
        items={SECTIONS.map((s) => ({ key: s, label: t(`admin.tab.${s}`), children: active === s ? pages[s] : null }))}
      />
    </Card>
  );
}

export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<Admin />} />
      <Route path=":section" element={<Admin />} />
    </Routes>
  );
}
