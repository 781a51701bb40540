// The staff ticket list: server-side pagination, light + time left, optional row selection.
import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { TicketSummary } from '../contract.ts';
import type { Paged } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { LightBadge, StatusTag, UrgencyTag } from './Tags.tsx';
import { formatTime } from './time.ts';
import { useCategoryName } from './category-name.ts';

export type TicketColumn = 'number' | 'title' | 'status' | 'urgency' | 'type' | 'category' | 'division' | 'unit' | 'received' | 'light' | 'phone';

export interface TicketTableProps {
  data: Paged<TicketSummary> | undefined;
  loading?: boolean;
  columns?: TicketColumn[];
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen?: (t: TicketSummary) => void;
  selectedIds?: string[];
  onSelect?: (ids: string[]) => void;
  extra?: ColumnsType<TicketSummary>;
  /** Per page changes to a standard column (a width, a render). */
  override?: Partial<Record<TicketColumn, ColumnsType<TicketSummary>[number]>>;
  size?: 'small' | 'middle';
  footer?: ReactNode;
}

const DEFAULT_COLS: TicketColumn[] = ['number', 'title', 'status', 'urgency', 'category', 'division', 'unit', 'received', 'light'];

const TITLE_MIN = 200;

export function TicketTable(p: TicketTableProps) {
  const { t, label } = useI18n();
  const categoryName = useCategoryName();
  const all: Record<TicketColumn, ColumnsType<TicketSummary>[number]> = {
    number: {
      title: t('field.number'), dataIndex: 'number', width: 160,
      render: (v: string, r) => (p.onOpen ? <Typography.Link onClick={() => p.onOpen!(r)}>{v}</Typography.Link> : v),
    },
    title: { title: t('field.title'), dataIndex: 'title', ellipsis: true },
    status: { title: t('field.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
    urgency: { title: t('field.urgency'), dataIndex: 'urgency', width: 90, ellipsis: true, render: (v: string) => <UrgencyTag urgency={v} /> },
    type: { title: t('field.type'), dataIndex: 'type', width: 80, render: (v: string) => label('requestType', v) },
    category: { title: t('field.category'), dataIndex: 'categoryName', width: 110, ellipsis: true, render: (v: string | null, r: TicketSummary) => categoryName(r.categoryCode, v) },
    division: { title: t('field.division'), dataIndex: 'divisionName', width: 110, ellipsis: true },
    unit: { title: t('field.unit'), dataIndex: 'leadUnitName', width: 140, ellipsis: true },
    received: { title: t('field.receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: string) => formatTime(v) },
    light: { title: t('field.timeLeft'), key: 'light', width: 160, render: (_, r) => <LightBadge light={r.light} deadline={r.deadline} /> },
    phone: { title: t('field.phone'), dataIndex: 'contactPhone', width: 120 },
  };
  const cols = [...(p.columns ?? DEFAULT_COLS).map((c) => ({ ...all[c], ...p.override?.[c], key: c })), ...(p.extra ?? [])];
  // The title takes the width the others leave, but at least TITLE_MIN: a narrower screen scrolls
  // sideways instead of squeezing the title to nothing (rc-table gives unsized columns the rest of
  // max(scroll.x, client width)).
  const scrollX = cols.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : TITLE_MIN), p.onSelect ? 48 : 0);
  return (
    <Table<TicketSummary>
      rowKey="id"
      size={p.size ?? 'middle'}
      loading={p.loading}
      dataSource={p.data?.items ?? []}
      columns={cols}
      scroll={{ x: scrollX }}
      // a click anywhere on the row opens the ticket, except on the row's own controls (links, buttons, checkboxes)
      onRow={p.onOpen ? (r) => ({
        style: { cursor: 'pointer' },
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a, button, input, label, .ant-checkbox-wrapper, .ant-select, .ant-popover')) return;
          p.onOpen!(r);
        },
      }) : undefined}
      rowSelection={p.onSelect ? { selectedRowKeys: p.selectedIds ?? [], onChange: (keys) => p.onSelect!(keys.map(String)) } : undefined}
      pagination={{
        current: p.page,
        pageSize: p.pageSize,
        total: p.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { n }),
        onChange: p.onPage,
      }}
      footer={p.footer ? () => p.footer : undefined}
    />
  );
}
