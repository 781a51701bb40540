// Loads web/src/<area>/index.tsx on demand (one chunk per area). An area not built yet shows a
// "being built" notice instead of breaking the app.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Result } from 'antd';
import { useT } from '../i18n/index.tsx';

const modules = import.meta.glob<{ default: ComponentType }>([
  '../citizen/index.tsx',
  '../console/index.tsx',
  '../dispatch/index.tsx',
  '../workbench/index.tsx',
  '../grid/index.tsx',
  '../dashboard/index.tsx',
  '../admin/index.tsx',
]);
const cache = new Map<string, LazyExoticComponent<ComponentType>>();

function ComingSoon() {
  const t = useT();
  return <Result status="info" title={t('app.comingSoon')} />;
}

export function lazyArea(area: string): LazyExoticComponent<ComponentType> {
  let c = cache.get(area);
  if (!c) {
    const load = modules[`../${area}/index.tsx`];
    c = lazy(load ?? (async () => ({ default: ComingSoon })));
    cache.set(area, c);
  }
  return c;
}
