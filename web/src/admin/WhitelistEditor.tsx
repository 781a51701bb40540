// A village/community unit's 准入清单: the categories it may receive without a documented basis.
import { useEffect, useState } from 'react';
import { App, Button, Space, TreeSelect, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCategories } from '../api/refdata.ts';
import { api } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { categoryTree } from '../components/categoryTree.ts';
import { adminApi } from './api.ts';

export function WhitelistEditor({ unitId }: { unitId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const cats = useCategories();
  const unit = useQuery({ queryKey: ['admin', 'units', 'detail', unitId], queryFn: () => adminApi.unit(unitId) });
  const [codes, setCodes] = useState<string[]>([]);
  useEffect(() => setCodes(unit.data?.whitelist.map((w) => w.code) ?? []), [unit.data]);
  const save = useMutation({
    mutationFn: () => api.put(`/api/v1/admin/units/${encodeURIComponent(unitId)}/whitelist`, { categoryCodes: codes }),
    onSuccess: async () => {
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['admin', 'units', 'detail', unitId] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Typography.Text strong>
        <label htmlFor="unit-whitelist">{t('admin.whitelist.title')}</label>
      </Typography.Text>
      <TreeSelect
        id="unit-whitelist"
        multiple
        treeCheckable
        showSearch
        treeNodeFilterProp="title"
        style={{ width: '100%' }}
        loading={cats.isLoading || unit.isLoading}
        treeData={categoryTree(cats.data ?? [], locale)}
        value={codes}
        onChange={(v: string[]) => setCodes(v)}
        placeholder={t('admin.whitelist.empty')}
      />
      <Button type="primary" size="small" onClick={() => save.mutate()} loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
