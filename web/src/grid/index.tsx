// Grid worker (/grid), phone-first: report from patrol (with 直办 close on the spot) and own reports.
import { Segmented } from 'antd';
import { Route, Routes, useNavigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { ReportPage } from './ReportPage.tsx';
import { MinePage } from './MinePage.tsx';

function Grid() {
  const { t } = useI18n();
  const nav = useNavigate();
  const mine = useLocation().pathname.startsWith('/grid/mine');
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Segmented
        block
        size="large"
        style={{ marginBottom: 12 }}
        value={mine ? 'mine' : 'report'}
        onChange={(v) => nav(v === 'mine' ? '/grid/mine' : '/grid')}
        options={[
          { value: 'report', label: t('grid.tab.report') },
          { value: 'mine', label: <span data-testid="grid-tab-mine">{t('grid.tab.mine')}</span> },
        ]}
      />
      {mine ? <MinePage /> : <ReportPage onDone={() => nav('/grid/mine')} />}
    </div>
  );
}

export default function GridArea() {
  return (
    <Routes>
      <Route path="*" element={<Grid />} />
    </Routes>
  );
}
