// Unit picker over GET /api/v1/units?q= (server-side search; suggested units listed first).
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useUnits, type UnitRef } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';

export interface UnitPickerProps {
  value?: string | string[];
  onChange?: (v: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  multiple?: boolean;
  exclude?: string[];
  id?: string;
  /** Suggested units (e.g. from analyze), shown first with a star. */
  suggested?: UnitRef[];
  /** only units below this one (a 下派 goes to one's own sub-units) */
  under?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  autoFocus?: boolean;
}

export function UnitPicker({ value, onChange, multiple, exclude = [], id, suggested = [], under, style, autoFocus, ...rest }: UnitPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(h);
  }, [search]);
  const q = useUnits(debounced, true, under);
  // Names of units already picked stay known even when the search moves on.
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    if (q.data?.length) setKnown((k) => ({ ...k, ...Object.fromEntries(q.data.map((u) => [u.id, u.name])) }));
  }, [q.data]);
  const options = useMemo(() => {
    const seen = new Set<string>(exclude);
    const out: { value: string; label: string }[] = [];
    for (const s of suggested) if (!seen.has(s.id)) (seen.add(s.id), out.push({ value: s.id, label: `★ ${s.name}` }));
    for (const u of q.data ?? []) if (!seen.has(u.id)) (seen.add(u.id), out.push({ value: u.id, label: u.name }));
    const picked = Array.isArray(value) ? value : value ? [value] : [];
    for (const pid of picked) if (!seen.has(pid) && known[pid]) (seen.add(pid), out.push({ value: pid, label: known[pid] }));
    return out;
  }, [q.data, suggested, exclude, value, known]);
  return (
    <Select
      id={id}
      autoFocus={autoFocus}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      value={value}
      onChange={(v) => {
        setSearch('');
        onChange?.(v);
      }}
      loading={q.isFetching}
      placeholder={t('unit.search')}
      style={{ width: '100%', ...style }}
      options={options}
      notFoundContent={q.isError ? t('error.unknown') : undefined}
      data-testid={rest['data-testid']}
    />
  );
}
