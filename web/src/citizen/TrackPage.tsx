// 进度查询: number + last 4 phone digits → the public timeline, deadline, reply, and rating.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatTime, timeLeft } from '../components/time.ts';
import { StatusTag } from '../components/Tags.tsx';
import { Progress } from './Progress.tsx';
import { RateForm } from './RateForm.tsx';
import { recentTickets, rememberTicket } from './recent.ts';

const NUMBER_RE = /^[A-Z]{2}[0-9]{14}$/;

export default function TrackPage() {
  const { t, label } = useI18n();
  const errorText = useErrorText();
  const params = useParams();
  const nav = useNavigate();
  const loc = useLocation();
  const passed = (loc.state as { last4?: string } | null)?.last4;
  const recent = recentTickets();
  const initialLast4 = passed ?? recent.find((r) => r.number === params.number)?.last4;
  const [query, setQuery] = useState<{ number: string; last4: string } | null>(
    params.number && initialLast4 ? { number: params.number, last4: initialLast4 } : null,
  );
  const [form] = Form.useForm<{ number: string; last4: string }>();
  const [rated, setRated] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ number: params.number ?? '', last4: initialLast4 ?? '' });
  }, [params.number]); // eslint-disable-line react-hooks/exhaustive-deps

  const q = useQuery({
    queryKey: ['track', query?.number, query?.last4],
    queryFn: () => ticketsApi.track(query!.number, query!.last4),
    enabled: !!query,
    retry: false,
  });
  useEffect(() => {
    if (q.data && query) rememberTicket(query);
  }, [q.data, query]);

  const submit = (v: { number: string; last4: string }) => {
    const number = v.number.trim().toUpperCase();
    setQuery({ number, last4: v.last4.trim() });
    if (params.number !== number) nav(`/track/${number}`, { replace: true, state: { last4: v.last4.trim() } });
  };

  const data = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={t('citizen.track.title')}>
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} name="track">
          <Form.Item label={t('field.number')} name="number" normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()}
            rules={[{ required: true, pattern: NUMBER_RE, message: t('citizen.track.numberInvalid') }]} htmlFor="track-number">
            <Input placeholder="LX20261123000123" autoCapitalize="characters" autoComplete="off" id="track-number" />
          </Form.Item>
          <Form.Item label={t('citizen.track.last4')} name="last4" rules={[{ required: true, pattern: /^\d{4}$/, message: t('citizen.track.last4Invalid') }]} htmlFor="track-last4">
            <Input inputMode="numeric" maxLength={4} autoComplete="off" id="track-last4" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={q.isFetching} data-testid="track-submit">
            {t('citizen.track.query')}
          </Button>
        </Form>
        {!query && recent.length ? (
          <div style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('citizen.track.recent')}</Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
              {recent.map((r) => (
                <Button key={r.number} onClick={() => submit(r)}>{r.number}</Button>
              ))}
            </div>
          </div>
        ) : null}
      </Card>
      {q.error ? <Alert type="error" showIcon role="alert" message={errorText(q.error)} description={t('citizen.track.notFoundHint')} /> : null}
      {data ? (
        <Card data-testid="track-result">
          <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
            <Typography.Text strong style={{ fontFamily: 'ui-monospace, monospace' }}>{data.number}</Typography.Text>
            <StatusTag status={data.status} />
          </Space>
          <Typography.Title level={5} style={{ marginTop: 8 }}>{data.title}</Typography.Title>
          <Progress status={data.status} actions={data.events.map((e) => e.action)} />
          {data.mergedInto ? (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="track-merged"
              message={t('citizen.track.mergedInto')}
              description={<>
                {t('citizen.track.mergedStatus', { status: label('status', data.mergedInto.status) })}
                {data.mergedInto.handlingUnit ? <div>{t('citizen.track.handling')}{t('citizen.colon')}{data.mergedInto.handlingUnit}</div> : null}
                {data.mergedInto.deadline ? <div>{t('field.deadline')}{t('citizen.colon')}{formatTime(data.mergedInto.deadline)}</div> : null}
              </>} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.type')}>{label('requestType', data.type)}</Descriptions.Item>
            <Descriptions.Item label={t('field.receivedAt')}>{formatTime(data.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('citizen.track.handling')}>{data.handlingUnit ?? (data.status === 'received' || data.status === 'returned' ? t('citizen.track.notYet') : data.mergedInto?.handlingUnit ?? t('citizen.track.done'))}</Descriptions.Item>
            {data.deadline && data.status !== 'closed' ? (
              <Descriptions.Item label={t('field.deadline')}>
                {formatTime(data.deadline)} <Tag>{timeLeft(data.deadline, t)}</Tag>
              </Descriptions.Item>
            ) : null}
            {data.satisfaction ? <Descriptions.Item label={t('field.satisfaction')}>{t(`citizen.rate.${data.satisfaction}`)}</Descriptions.Item> : null}
          </Descriptions>
          {data.replyText ? (
            <Alert style={{ marginTop: 12 }} type="success" message={t('citizen.track.reply')} description={<div style={{ whiteSpace: 'pre-wrap' }}>{data.replyText}</div>} />
          ) : null}
          {rated === data.number ? (
            <Alert type="success" showIcon style={{ marginTop: 12 }} message={t('citizen.rate.thanks')} data-testid="rate-thanks" />
          ) : data.canRate && query ? (
            <RateForm number={data.number} last4={query.last4} onRated={() => setRated(data.number)} />
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('citizen.track.timeline')}</Typography.Title>
          {data.events.length ? (
            <Timeline
              items={[...data.events].reverse().map((e, i) => ({
                color: i === 0 ? 'red' : 'gray',
                children: (
                  <div data-testid="track-event">
                    <strong>{t(`action.${e.action}`)}</strong>
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{formatTime(e.at)}</Typography.Text>
                    {e.unitName ? <div>{e.unitName}</div> : null}
                    {e.note ? <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
          ) : (
            <Empty />
          )}
        </Card>
      ) : null}
    </Space>
  );
}
