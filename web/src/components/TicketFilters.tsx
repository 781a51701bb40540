// Filter bar for staff ticket lists: words/number, status, category, overdue.
import { Button, Input, Select, Space, Switch } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';
import { CategorySelect } from './CategorySelect.tsx';

export interface Filters {
  q?: string;
  status?: string;
  categoryCode?: string;
  overdue?: boolean;
}

export function TicketFilters({ value, onChange, statuses, onRefresh }: { value: Filters; onChange: (f: Filters) => void; statuses: string[]; onRefresh?: () => void }) {
  const { t, label } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search allowClear placeholder={t('filters.q')} aria-label={t('filters.q')} defaultValue={value.q} onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })} style={{ width: 240 }} data-testid="filter-q" />
      <Select allowClear placeholder={t('field.status')} aria-label={t('field.status')} style={{ width: 140 }} value={value.status} onChange={(status) => onChange({ ...value, status })}
        options={statuses.map((s) => ({ value: s, label: label('status', s) }))} />
      <div style={{ width: 220 }}>
        <CategorySelect value={value.categoryCode} onChange={(categoryCode) => onChange({ ...value, categoryCode })} />
      </div>
      <Space>
        <Switch checked={!!value.overdue} onChange={(overdue) => onChange({ ...value, overdue: overdue || undefined })} aria-label={t('filters.overdue')} />
        {t('filters.overdue')}
      </Space>
      {onRefresh ? <Button icon={<ReloadOutlined />} onClick={onRefresh}>{t('common.refresh')}</Button> : null}
    </Space>
  );
}
