// Divisions and units, each as a tree loaded level by level; units can be added and edited.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree/index.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchDivisions } from '../api/refdata.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { UNIT_KINDS } from '../contract.ts';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { adminApi, type UnitRow } from './api.ts';
import { WhitelistEditor } from './WhitelistEditor.tsx';

type Node = DataNode & { key: string };

function patchChildren(list: Node[], key: string, children: Node[]): Node[] {
  return list.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: patchChildren(n.children as Node[], key, children) } : n));
}

function DivisionTree({ onPick }: { onPick: (code: string, name: string) => void }) {
  const [tree, setTree] = useState<Node[] | null>(null);
  const roots = useQuery({
    queryKey: ['admin', 'div-roots'],
    queryFn: async () => (await fetchDivisions()).map((d) => ({ key: d.code, title: `${d.name} ${d.code}`, isLeaf: (d as { childCount?: number }).childCount === 0 })),
  });
  const data = tree ?? (roots.data as Node[] | undefined) ?? [];
  const load = async (node: EventDataNode<Node>) => {
    if (node.children) return;
    const kids = (await fetchDivisions(String(node.key))).map((d) => ({ key: d.code, title: `${d.name} ${d.code}`, isLeaf: (d as { childCount?: number }).childCount === 0 }));
    setTree((prev) => patchChildren(prev ?? data, String(node.key), kids));
  };
  return <Tree<Node> treeData={data} loadData={load} onSelect={(_, e) => onPick(String(e.node.key), String(e.node.title))} height={520} />;
}

function unitNode(u: UnitRow, t: (k: string) => string): Node {
  return {
    key: u.id,
    title: (
      <span>
        {u.shortName ?? u.name} <Tag style={{ marginLeft: 4 }}>{t(`admin.kind.${u.kind}`)}</Tag>
        {u.isFallback ? <Tag color="orange">{t('admin.units.fallbackTag')}</Tag> : null}
        {!u.active ? <Tag>{t('admin.inactive')}</Tag> : null}
      </span>
    ),
    isLeaf: u.childCount === 0,
  };
}

interface UnitForm {
  code?: string;
  name: string;
  shortName?: string;
  kind: string;
  parentId?: string | null;
  divisionCode?: string | null;
  isFallback?: boolean;
  whitelistOnly?: boolean;
  active?: boolean;
}

function UnitModal({ unit, open, onClose }: { unit: UnitRow | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<UnitForm>();
  const save = useMutation({
    mutationFn: (v: UnitForm) => (unit ? adminApi.patchUnit(unit.id, { ...v, code: undefined }) : adminApi.createUnit(v)),
    onSuccess: async () => {
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['admin', 'units'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal open={open} title={unit ? t('admin.units.edit') : t('admin.units.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form<UnitForm> form={form} layout="vertical" preserve={false} initialValues={unit ?? { kind: 'department', active: true }} onFinish={(v) => save.mutate(v)}>
        {!unit ? (
          <Form.Item name="code" label={t('admin.code')} htmlFor="unit-code" rules={[{ required: true, message: t('admin.required') }]}>
            <Input id="unit-code" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('admin.name')} htmlFor="unit-name" rules={[{ required: true, message: t('admin.required') }]}>
          <Input id="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('admin.units.short')} htmlFor="unit-short">
          <Input id="unit-short" />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.units.kind')} htmlFor="unit-kind">
          <Select id="unit-kind" options={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.units.parent')} htmlFor="unit-parent">
          <UnitPicker id="unit-parent" />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('admin.units.division')} htmlFor="unit-division">
          <Input id="unit-division" placeholder="350926" />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="isFallback" label={t('admin.units.fallback')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="whitelistOnly" label={t('admin.units.whitelist')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {unit ? (
            <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Space>
      </Form>
    </Modal>
  );
}

function UnitTree({ onPick }: { onPick: (u: UnitRow) => void }) {
  const { t } = useI18n();
  const [tree, setTree] = useState<Node[] | null>(null);
  const [byId, setById] = useState<Record<string, UnitRow>>({});
  const roots = useQuery({
    queryKey: ['admin', 'units', 'root'],
    queryFn: async () => {
      const res = await adminApi.units({ parentId: 'root', pageSize: 200, includeInactive: true });
      setById((m) => ({ ...m, ...Object.fromEntries(res.items.map((u) => [u.id, u])) }));
      setTree(null);
      return res.items.map((u) => unitNode(u, t));
    },
  });
  const data = tree ?? roots.data ?? [];
  const load = async (node: EventDataNode<Node>) => {
    if (node.children) return;
    const res = await adminApi.units({ parentId: String(node.key), pageSize: 200, includeInactive: true });
    setById((m) => ({ ...m, ...Object.fromEntries(res.items.map((u) => [u.id, u])) }));
    setTree((prev) => patchChildren(prev ?? data, String(node.key), res.items.map((u) => unitNode(u, t))));
  };
  return <Tree<Node> treeData={data} loadData={load} height={520} onSelect={(_, e) => byId[String(e.node.key)] && onPick(byId[String(e.node.key)]!)} />;
}

export function OrgPage() {
  const { t } = useI18n();
  const [division, setDivision] = useState<{ code: string; name: string } | null>(null);
  const [unit, setUnit] = useState<UnitRow | null>(null);
  const [editing, setEditing] = useState<UnitRow | null | 'new'>(null);
  return (
    <Row gutter={12}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('admin.divisions.title')}>
          <DivisionTree onPick={(code, name) => setDivision({ code, name })} />
          {division ? (
            <Space style={{ marginTop: 8 }}>
              <Typography.Text strong>{division.name}</Typography.Text>
              <Link to={`/dashboard/division/${division.code}`}>{t('admin.divisions.profile')}</Link>
            </Space>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('admin.units.title')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('admin.units.add')}</Button>}>
          <Row gutter={12}>
            <Col span={14}>
              <UnitTree onPick={setUnit} />
            </Col>
            <Col span={10}>
              {unit ? (
                <Descriptions size="small" column={1} bordered title={unit.name} extra={<Button size="small" onClick={() => setEditing(unit)}>{t('admin.edit')}</Button>}>
                  <Descriptions.Item label={t('admin.code')}>{unit.code}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.kind')}>{t(`admin.kind.${unit.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.division')}>{unit.divisionName ?? unit.divisionCode ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.fallback')}>{unit.isFallback ? t('admin.yes') : t('admin.no')}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.whitelist')}>{unit.whitelistOnly ? t('admin.yes') : t('admin.no')}</Descriptions.Item>
                </Descriptions>
              ) : null}
              {unit?.whitelistOnly ? <WhitelistEditor key={unit.id} unitId={unit.id} /> : null}
              {unit ? null : <Typography.Text type="secondary">{t('admin.units.pick')}</Typography.Text>}
            </Col>
          </Row>
        </Card>
      </Col>
      <UnitModal unit={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Row>
  );
}
