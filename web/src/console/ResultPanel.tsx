// After the call: the number large, grouped for reading back, and what happened.
import type { ReactNode } from 'react';
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';
import { StatusTag } from '../components/Tags.tsx';
import { Kbd } from './shortcuts.tsx';

export interface ConsoleResult {
  id: string;
  number: string;
  status: string;
  unit: string | null;
  action: string;
  error: string | null;
}

/** LX20261123000123 → "LX 2026 1123 000123" for reading out. */
export const readBack = (n: string) => n.replace(/^([A-Z]+)(\d{4})(\d{4})(\d+)$/, '$1 $2 $3 $4');

export function ResultPanel({ result, onNext, onOpen, viewer }: { result: ConsoleResult; onNext: () => void; onOpen: () => void; viewer: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card style={{ maxWidth: 720, margin: '24px auto' }}>
      <Result
        status={result.error ? 'warning' : 'success'}
        title={t(`console.result.${result.action}`)}
        subTitle={
          <Space direction="vertical" size={4}>
            <span>{t('console.readBack')}</span>
            <Typography.Text copyable={{ text: result.number, icon: <CopyOutlined /> }} style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2, fontFamily: 'ui-monospace, monospace', color: '#000' }} data-testid="console-number">
              {readBack(result.number)}
            </Typography.Text>
            <Space>
              <StatusTag status={result.status} />
              {result.unit ? <span>{t('console.sentTo', { unit: result.unit })}</span> : null}
            </Space>
          </Space>
        }
        extra={[
          <Button key="next" type="primary" size="large" onClick={onNext} autoFocus data-testid="console-next">
            {t('console.next')} <Kbd k="Alt+N" light />
          </Button>,
          <Button key="open" size="large" onClick={onOpen}>{t('common.detail')}</Button>,
        ]}
      />
      {result.error ? <Alert type="error" showIcon message={result.error} /> : null}
      {viewer}
    </Card>
  );
}
