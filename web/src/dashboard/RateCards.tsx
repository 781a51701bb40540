// The three rates (响应率 / 解决率 / 满意率) and the measures around them; each formula on hover.
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { Metrics } from '../contract.ts';
import { useI18n } from '../i18n/index.tsx';
import { pct, useFormulas } from './api.ts';

type FormulaKey = 'response' | 'resolution' | 'satisfaction' | 'dispatchAccuracy' | 'autoShare' | 'autoPrecision';

export function FormulaTip({ k, children }: { k: FormulaKey; children: React.ReactNode }) {
  const { locale } = useI18n();
  const f = useFormulas();
  const text = f.data?.formulas[k][locale];
  return (
    <Tooltip title={text} placement="bottom">
      <span tabIndex={0} data-testid={`formula-${k}`} style={{ cursor: 'help' }}>
        {children} <InfoCircleOutlined style={{ fontSize: 12, opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}

export function RateCards({ m, loading }: { m: Metrics | undefined; loading?: boolean }) {
  const { t } = useI18n();
  const main: { k: 'response' | 'resolution' | 'satisfaction'; color: string }[] = [
    { k: 'response', color: '#1677ff' },
    { k: 'resolution', color: '#389e0d' },
    { k: 'satisfaction', color: '#d46b08' }, // (not the alarm red: a high rate is good news)
  ];
  const minor: { k: FormulaKey; value: string; sub: string }[] = m
    ? [
        { k: 'dispatchAccuracy', value: pct(m.dispatchAccuracy.rate), sub: t('dash.bounces', { returns: m.returns, redispatches: m.redispatches }) },
        { k: 'autoShare', value: pct(m.autoShare.rate), sub: t('dash.ofN', { num: m.autoShare.num, den: m.autoShare.den }) },
        { k: 'autoPrecision', value: pct(m.autoPrecision.rate), sub: t('dash.ofN', { num: m.autoPrecision.num, den: m.autoPrecision.den }) },
      ]
    : [];
  return (
    <Row gutter={[12, 12]}>
      {main.map(({ k, color }) => (
        <Col xs={24} sm={8} lg={4} key={k}>
          <Card size="small" loading={loading}>
            <Statistic
              title={<FormulaTip k={k}>{t(`dash.rate.${k}`)}</FormulaTip>}
              value={pct(m?.[k].rate)}
              valueStyle={{ color, fontWeight: 600 }}
              valueRender={(node) => <span data-testid={`rate-${k}`}>{node}</span>}
            />
            <div style={{ fontSize: 12, color: '#8c8c8c' }} data-testid={`rate-${k}-counts`}>
              {m ? t('dash.ofN', { num: m[k].num, den: m[k].den }) : ''}
            </div>
          </Card>
        </Col>
      ))}
      {minor.map(({ k, value, sub }) => (
        <Col xs={12} sm={8} lg={3} key={k}>
          <Card size="small" loading={loading}>
            <Statistic title={<FormulaTip k={k}>{t(`dash.rate.${k}`)}</FormulaTip>} value={value} valueStyle={{ fontSize: 20 }} />
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{sub}</div>
          </Card>
        </Col>
      ))}
      {m ? (
        <Col xs={12} sm={8} lg={3}>
          <Card size="small">
            <Statistic title={t('dash.tickets')} value={m.tickets} valueStyle={{ fontSize: 20 }} />
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {t('dash.overdueReopen', { overdue: m.overdue, reopens: m.reopenedTickets })}
            </div>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
