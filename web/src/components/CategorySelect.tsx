// Category picker (3-level tree from GET /api/v1/categories?flat=true).
import { TreeSelect } from 'antd';
import { useCategories } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';
import { categoryTree } from './categoryTree.ts';

export function CategorySelect({ value, onChange, id, placeholder }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; placeholder?: string }) {
  const { t, locale } = useI18n();
  const q = useCategories();
  return (
    <TreeSelect
      id={id}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
      placeholder={placeholder ?? t('field.category')}
      treeData={categoryTree(q.data ?? [], locale)}
      loading={q.isLoading}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      treeDefaultExpandAll={false}
    />
  );
}
