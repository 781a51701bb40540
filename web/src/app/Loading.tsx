import { Spin } from 'antd';

export function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} role="status" aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
