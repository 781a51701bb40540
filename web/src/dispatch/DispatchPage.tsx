// Dispatcher queue: tickets that need a person (received, not auto-dispatched; returned 退单),
// with suggested units; dispatch or redispatch one by one or in bulk; merge from the ticket drawer.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TicketSummary } from '../contract.ts';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketTable } from '../components/TicketTable.tsx';
import { TicketFilters, type Filters } from '../components/TicketFilters.tsx';
import { TicketDrawer } from '../components/TicketDrawer.tsx';
import { TicketSearch } from '../components/TicketSearch.tsx';
import { EXTENSION_ACTIONS, QueueCard } from '../components/QueueCard.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { UrgencyTag } from '../components/Tags.tsx';
import { SuggestCell, useDispatchSuggestions, type RowSuggestion } from './SuggestCell.tsx';
import { DuplicateMerge } from './DuplicateMerge.tsx';

const actionFor = (tk: Pick<TicketSummary, 'status'>) => (tk.status === 'received' ? 'dispatch' : 'redispatch') as 'dispatch' | 'redispatch';

function DrawerSuggestions({ ticket, fromPage, children }: {
  ticket: TicketSummary | undefined; fromPage: RowSuggestion | undefined;
  children: (units: { id: string; name: string }[], duplicates: RowSuggestion['duplicates']) => React.ReactNode;
}) {
  // the page's call holds it when the ticket is a row of the page; one call otherwise
  const { byId } = useDispatchSuggestions(ticket && !fromPage ? [ticket.id] : []);
  const s = ticket ? (fromPage ?? byId.get(ticket.id)) : undefined;
  return <>{children(s?.units ?? [], s?.duplicates ?? [])}</>;
}

export function DispatchPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [form] = Form.useForm<{ leadUnitId: string; coUnitIds?: string[]; note?: string; basis?: string }>();
  const list = useQuery({
    queryKey: ['tickets', 'dispatch', page, pageSize, filters],
    queryFn: () => ticketsApi.list({ queue: 'dispatch', page, pageSize, sort: 'urgency', q: filters.q, status: filters.status, categoryCode: filters.categoryCode, overdue: filters.overdue ? 'true' : undefined }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const rows = list.data?.items ?? [];
  const suggestions = useDispatchSuggestions(rows.map((r) => r.id));

  const send = useMutation({
    mutationFn: async (input: { tickets: TicketSummary[]; leadUnitId: string; coUnitIds?: string[]; note?: string; basis?: string }) => {
      const failed: { number: string; error: unknown }[] = [];
      for (const tk of input.tickets) {
        try {
          await ticketsApi.transition(tk.id, {
            action: actionFor(tk), leadUnitId: input.leadUnitId, coUnitIds: input.coUnitIds?.length ? input.coUnitIds : undefined,
            note: input.note?.trim() || undefined, basis: input.basis?.trim() || undefined,
          });
        } catch (error) {
          failed.push({ number: tk.number, error });
        }
      }
      return { ok: input.tickets.length - failed.length, failed };
    },
    onSuccess: ({ ok, failed }) => {
      qc.invalidateQueries({ queryKey: ['tickets'] });
      setSelected([]);
      setBulkOpen(false);
      form.resetFields();
      if (ok) message.success(t('dispatch.sent', { n: ok }));
      for (const f of failed) message.error(`${f.number}: ${errorText(f.error)}`, 8);
    },
  });

  const quick = (tk: TicketSummary, unit: { id: string; name: string }) =>
    modal.confirm({
      title: t('dispatch.quickConfirm', { number: tk.number, unit: unit.name }),
      okText: t(`act.btn.${actionFor(tk)}`),
      cancelText: t('common.cancel'),
      onOk: () => send.mutateAsync({ tickets: [tk], leadUnitId: unit.id }),
    });

  const chosen = rows.filter((r) => selected.includes(r.id));
  return (
    <>
    <Card
      // the intro shares the title's room (cut there if need be), so the search box is never pushed out
      title={<><span>{t('dispatch.title')}</span> <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13, marginLeft: 8 }} title={t('dispatch.intro')}>{t('dispatch.intro')}</Typography.Text></>}
      extra={
        <Space>
          {/* any open ticket, auto-dispatched ones included: to look at it or redispatch it */}
          <div style={{ width: 280 }} data-testid="dispatch-find">
            <TicketSearch value={undefined} onChange={(id) => id && setOpen(id)} placeholder={t('dispatch.find')} />
          </div>
        </Space>
      }
    >
      <TicketFilters value={filters} onChange={(f) => (setFilters(f), setPage(1))} statuses={['received', 'returned']} onRefresh={() => list.refetch()} />
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" disabled={!selected.length} onClick={() => setBulkOpen(true)} data-testid="bulk-dispatch">
          {t('dispatch.bulk', { n: selected.length })}
        </Button>
        {selected.length ? <Button onClick={() => setSelected([])}>{t('dispatch.clear')}</Button> : null}
      </Space>
      <TicketTable
        data={list.data}
        loading={list.isFetching && !list.data}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => (setPage(p), setPageSize(s))}
        onOpen={(r) => setOpen(r.id)}
        selectedIds={selected}
        onSelect={setSelected}
        // no status column: the 'why' column tells received (待分派) from returned and reopened
        columns={['number', 'title', 'urgency', 'category', 'division', 'light']}
        // narrower number, category and place columns, so that at 1366 px the suggestions end before the fixed action column
        override={{ urgency: { width: 110, ellipsis: false, render: (v: string) => <UrgencyTag urgency={v} wrap /> }, number: { width: 150 }, category: { width: 100 }, division: { width: 100 }, light: { width: 170 } }}
        extra={[
          {
            title: t('dispatch.why'), key: 'why', width: 80,
            render: (_, r) => (r.status === 'returned' ? <Tag color="orange">{t('dispatch.returned', { n: r.returnCount })}</Tag> : r.reopenCount ? <Tag color="volcano">{t('ticket.reopens', { n: r.reopenCount })}</Tag> : <Tag>{t('dispatch.unsure')}</Tag>),
          },
          { title: t('dispatch.suggested'), key: 'suggest', width: 220, render: (_, r) => <SuggestCell ticket={r} suggestion={suggestions.byId.get(r.id)} loading={suggestions.isLoading} onPick={(u) => quick(r, u)} /> },
          {
            title: '', key: 'go', width: 96, fixed: 'right',
            render: (_, r) => <Button size="small" type="link" onClick={() => setOpen(r.id)} data-testid="open-ticket">{t(`act.btn.${actionFor(r)}`)}</Button>,
          },
        ]}
      />
      <DrawerSuggestions ticket={rows.find((r) => r.id === open)} fromPage={open ? suggestions.byId.get(open) : undefined}>
        {(units, duplicates) => (
          <TicketDrawer id={open} onClose={() => setOpen(null)} suggested={units} onDone={(d) => !['received', 'returned'].includes(d.status) && setOpen(null)}
            extra={(tk) => ['received', 'returned'].includes(tk.status)
              ? <DuplicateMerge ticket={tk} duplicates={duplicates} onMerged={(away) => away && setOpen(null)} />
              : null} />
        )}
      </DrawerSuggestions>
      <Modal
        open={bulkOpen}
        title={t('dispatch.bulkTitle', { n: chosen.length })}
        onCancel={() => setBulkOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={send.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{chosen.map((c) => c.number).join('、')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => send.mutate({ tickets: chosen, ...v })} name="bulk">
          <Form.Item name="leadUnitId" label={t('field.unit')} rules={[{ required: true, message: t('act.required') }]}>
            <UnitPicker autoFocus />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('field.coUnits')}>
            <UnitPicker multiple />
          </Form.Item>
          <Form.Item name="basis" label={t('act.basis')} extra={t('act.basisHint')}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item name="note" label={t('act.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
    <QueueCard queue="extensions" titleKey="ext.title" introKey="ext.intro" only={EXTENSION_ACTIONS} />
    </>
  );
}
