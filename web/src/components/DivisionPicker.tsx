// Place picker over the real division tree (GET /api/v1/divisions?parent=CODE): one select per
// level; levels with a single choice (the deployment's province/city) are taken automatically.
import { useCallback, useEffect, useState } from 'react';
import { Form, Select, Typography } from 'antd';
import { useDivisions, type Division } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';

const LEVEL_KEYS: Record<number, string> = {
  1: 'division.level1', 2: 'division.level2', 3: 'division.level3', 4: 'division.street', 5: 'division.village', 6: 'division.level6',
};

interface LevelProps {
  parent: string | undefined;
  value: string | undefined;
  onPick: (code: string | undefined, automatic: boolean) => void;
  size?: 'middle' | 'large';
  idPrefix: string;
}

type Child = Division & { childCount?: number };

function Level({ parent, value, onPick, size, idPrefix }: LevelProps) {
  const { t } = useI18n();
  const q = useDivisions(parent);
  const items = (q.data ?? []) as Child[];
  const single = items.length === 1 && (items[0].childCount ?? 1) > 0;
  useEffect(() => {
    if (single && value !== items[0].code) onPick(items[0].code, true);
  }, [single, items, value, onPick]);
  if (q.isError) return <Typography.Text type="danger">{t('division.loadFailed')}</Typography.Text>;
  if (!items.length || single) return null;
  const level = Number(items[0].level);
  const id = `${idPrefix}-${level}`;
  return (
    <Form.Item label={t(LEVEL_KEYS[level] ?? 'field.division')} htmlFor={id} style={{ marginBottom: 8 }}>
      <Select
        id={id}
        size={size}
        allowClear
        showSearch
        optionFilterProp="label"
        loading={q.isLoading}
        placeholder={t('division.pick')}
        value={value}
        options={items.map((d) => ({ value: d.code, label: d.name }))}
        onChange={(code?: string) => onPick(code, false)}
        data-testid={`division-level-${level}`}
      />
    </Form.Item>
  );
}

export interface DivisionPickerProps {
  onChange?: (code: string | undefined) => void;
  /** Deepest level to offer (5 = village/community). */
  maxLevel?: number;
  size?: 'middle' | 'large';
  id?: string;
}

/**
 * Emits the deepest code the person picked (undefined while only the automatic levels are set).
 * Uncontrolled: remount with a new key to clear it.
 */
export function DivisionPicker({ onChange, maxLevel = 5, size = 'large', id = 'division' }: DivisionPickerProps) {
  const [chain, setChain] = useState<string[]>([]);
  const [autoDepth, setAutoDepth] = useState(0);
  const pick = useCallback(
    (depth: number, code: string | undefined, automatic: boolean) => {
      const next = [...chain.slice(0, depth), ...(code ? [code] : [])];
      const nextAuto = automatic ? Math.max(autoDepth, next.length) : Math.min(autoDepth, depth);
      setChain(next);
      setAutoDepth(nextAuto);
      onChange?.(next.length > nextAuto ? next[next.length - 1] : undefined);
    },
    [chain, autoDepth, onChange],
  );
  const parents: (string | undefined)[] = [undefined, ...chain].slice(0, maxLevel);
  return (
    <div>
      {parents.map((parent, depth) => (
        <Level
          key={`${depth}-${parent ?? 'root'}`}
          idPrefix={id}
          parent={parent}
          value={chain[depth]}
          size={size}
          onPick={(code, automatic) => pick(depth, code, automatic)}
        />
      ))}
    </div>
  );
}
