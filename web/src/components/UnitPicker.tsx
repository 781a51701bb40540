// Unit picker over GET /api/v1/units (searchable; single or multiple).
import { Select } from 'antd';
import { useUnits } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';

export interface UnitPickerProps {
  value?: string | string[];
  onChange?: (v: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  multiple?: boolean;
  exclude?: string[];
  id?: string;
  /** Suggested unit ids shown first. */
  suggested?: string[];
  style?: React.CSSProperties;
  'data-testid'?: string;
}

export function UnitPicker({ value, onChange, multiple, exclude = [], id, suggested = [], style, ...rest }: UnitPickerProps) {
  const { t } = useI18n();
  const q = useUnits();
  const units = (q.data ?? []).filter((u) => !exclude.includes(u.id));
  const rank = (uid: string) => (suggested.includes(uid) ? suggested.indexOf(uid) : suggested.length + 1);
  const sorted = [...units].sort((a, b) => rank(a.id) - rank(b.id));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      loading={q.isLoading}
      placeholder={t('unit.search')}
      optionFilterProp="label"
      style={{ width: '100%', ...style }}
      options={sorted.map((u) => ({ value: u.id, label: suggested.includes(u.id) ? `★ ${u.name}` : u.name }))}
      notFoundContent={q.isError ? t('error.unknown') : undefined}
      data-testid={rest['data-testid']}
    />
  );
}
