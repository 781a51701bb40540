// The tickets of a hotspot or a proactive case; a number opens the ticket in a drawer (its
// timeline shows what the case did), without leaving the dashboard.
import { useState } from 'react';
import { Table, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { StatusTag } from '../components/Tags.tsx';
import { TicketDrawer } from '../components/TicketDrawer.tsx';

export interface Member {
  id: string;
  number: string;
  title: string;
  status: string;
}

export function MemberTable({ members, loading }: { members: Member[]; loading?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={members}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number', title: t('field.number'), dataIndex: 'number', width: 170,
            render: (v: string, m: Member) => <Typography.Link onClick={() => setOpen(m.id)} data-testid="member-ticket">{v}</Typography.Link>,
          },
          { key: 'title', title: t('field.title'), dataIndex: 'title', ellipsis: true },
          { key: 'status', title: t('field.status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
        ]}
      />
      <TicketDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
