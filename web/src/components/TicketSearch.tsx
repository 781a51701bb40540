// Pick a ticket by number or words (GET /api/v1/tickets?q=), value = ticket id.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';

export function TicketSearch({ value, onChange, excludeId, placeholder }: { value?: string; onChange?: (id: string | undefined) => void; excludeId?: string; placeholder?: string }) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(h);
  }, [text]);
  const res = useQuery({
    queryKey: ['tickets', 'search', q],
    queryFn: () => ticketsApi.list({ q, pageSize: 10, status: 'received,dispatched,signed,handling,returned,replied,callback' }),
    enabled: q.length >= 2,
  });
  return (
    <Select
      showSearch
      allowClear
      autoFocus
      // the box it is put in decides the width, not the placeholder's length (English is longer)
      style={{ width: '100%' }}
      filterOption={false}
      value={value}
      onSearch={setText}
      onChange={(v?: string) => onChange?.(v)}
      loading={res.isFetching}
      placeholder={placeholder ?? t('act.masterHint')}
      notFoundContent={q.length >= 2 && !res.isFetching ? t('common.empty') : null}
      options={(res.data?.items ?? []).filter((x) => x.id !== excludeId).map((x) => ({ value: x.id, label: `${x.number} · ${x.title} (${label('status', x.status)})` }))}
    />
  );
}
