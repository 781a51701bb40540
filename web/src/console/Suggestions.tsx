// What the system understood from the text: category, unit, urgency (with "transfer to 110/119/120?"),
// place, possible duplicates (one click 并案) and knowledge-base answers.
import { Alert, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { BulbOutlined, WarningOutlined } from '@ant-design/icons';
import type { AnalyzeResponse } from '../contract.ts';
import { useI18n } from '../i18n/index.tsx';
import { PlaceTrail } from './PlaceTrail.tsx';
import { useCategoryName } from '../components/category-name.ts';

type A = AnalyzeResponse;

export interface SuggestionsProps {
  data: A | null | undefined;
  loading: boolean;
  categoryCode?: string;
  leadUnitId?: string;
  divisionCode?: string;
  mergeInto?: string;
  onCategory: (c: A['categories'][number]) => void;
  onUnit: (u: A['units'][number]) => void;
  onPlace: (p: NonNullable<A['place']>) => void;
  onMerge: (d: A['duplicates'][number] | null) => void;
  onKb: (k: A['kb'][number]) => void;
  onTransfer: (target: '110' | '119' | '120') => void;
}

const pct = (x: number) => Math.round(x * 100);
/** the list shows the start of an answer: say so when there is more */
const snippetOf = (k: A['kb'][number]) => (k.body.length > k.snippet.length ? `${k.snippet.replace(/[\s，,、；;：:]+$/, '')}…` : k.snippet);

export function Suggestions(p: SuggestionsProps) {
  const { t, label } = useI18n();
  const categoryName = useCategoryName();
  const d = p.data;
  if (!d) {
    return (
      <Card size="small" title={<><BulbOutlined /> {t('console.suggestions')}</>} loading={p.loading && !d}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.suggestHint')} />
      </Card>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8} data-testid="suggestions">
      {d.urgency.transferTo || d.urgency.level === 'emergency' ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          message={t('console.urgent', { level: label('urgency', d.urgency.level) })}
          description={d.urgency.cue ?? undefined}
          action={d.urgency.transferTo ? (
            <Button danger size="small" onClick={() => p.onTransfer(d.urgency.transferTo!)} data-testid="suggest-transfer">{t('console.transferTo', { n: d.urgency.transferTo })}</Button>
          ) : undefined}
          data-testid="urgency-alert"
        />
      ) : d.urgency.cue ? (
        <Alert type="warning" showIcon message={`${label('urgency', d.urgency.level)} · ${d.urgency.cue}`} />
      ) : null}
      <Card size="small" title={<><BulbOutlined /> {t('console.suggestions')}</>} extra={<Tag>{label('requestType', d.requestType)}</Tag>}>
        <Typography.Text type="secondary">{t('field.category')}</Typography.Text>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '4px 0 8px' }}>
          {d.categories.slice(0, 3).map((c, i) => (
            <Button key={c.code} size="small" type={p.categoryCode === c.code ? 'primary' : 'default'} onClick={() => p.onCategory(c)}
              style={{ display: 'flex', justifyContent: 'space-between' }} data-testid="suggest-category">
              <span>{i < 3 ? <kbd style={{ opacity: 0.6, marginRight: 4 }}>Alt+{i + 1}</kbd> : null}{categoryName(c.code, c.name)}</span>
              {c.keyword ? <span title={t('console.keywordHint')}>{t('console.keyword', { keyword: c.keyword })}</span> : <span>{pct(c.confidence)}%</span>}
            </Button>
          ))}
          {d.categories.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </div>
        <Typography.Text type="secondary">{t('field.unit')}</Typography.Text>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '4px 0 8px' }}>
          {d.units.slice(0, 3).map((u) => (
            <Button key={u.id} size="small" type={p.leadUnitId === u.id ? 'primary' : 'default'} onClick={() => p.onUnit(u)}
              style={{ display: 'flex', justifyContent: 'space-between' }} data-testid="suggest-unit">
              <span>{u.name}</span>
              {u.fallback ? <Tag style={{ margin: 0 }}>{t('console.fallbackUnit')}</Tag> : <Progress percent={pct(u.confidence)} size="small" style={{ width: 80, margin: 0 }} showInfo={false} />}
            </Button>
          ))}
          {d.units.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </div>
        {d.place ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ flex: 'none' }}>{t('console.place')}</Typography.Text>
            <Button size="small" type={p.divisionCode === d.place.code ? 'primary' : 'link'} onClick={() => p.onPlace(d.place!)}
              style={{ maxWidth: '100%', minWidth: 0 }} data-testid="suggest-place">
              <PlaceTrail code={d.place.code} name={d.place.name} />
            </Button>
          </div>
        ) : null}
        {d.placeCandidates?.length ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4, minWidth: 0 }} data-testid="place-candidates">
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>{t('console.placeWhich')}</Typography.Text>
            {d.placeCandidates.map((c) => (
              <Button key={c.code} size="small" type={p.divisionCode === c.code ? 'primary' : 'default'} onClick={() => p.onPlace(c)} style={{ maxWidth: '100%', minWidth: 0 }} data-testid="place-candidate">
                <PlaceTrail code={c.code} name={c.name} />
              </Button>
            ))}
          </div>
        ) : null}
        {d.terms.length ? (
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('console.terms')}: </Typography.Text>
            {d.terms.slice(0, 6).map((w) => <Tag key={w}>{w}</Tag>)}
          </div>
        ) : null}
      </Card>
      {d.duplicates.length ? (
        <Card size="small" title={t('console.duplicates')} styles={{ header: { background: '#fff7e6' } }}>
          <List
            size="small"
            dataSource={d.duplicates.slice(0, 5)}
            renderItem={(x) => (
              <List.Item
                actions={[
                  <Button key="m" size="small" type={p.mergeInto === x.id ? 'primary' : 'default'} onClick={() => p.onMerge(p.mergeInto === x.id ? null : x)} data-testid="merge-duplicate">
                    {p.mergeInto === x.id ? t('console.merging') : t('act.btn.merge')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={<span style={{ fontSize: 13 }}>{x.title}</span>} description={`${x.number} · ${x.sameCaller && x.similarity < 0.5 ? t('console.sameCaller') : t('console.similar', { p: pct(x.similarity) })}`} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {d.kb.length ? (
        <Card size="small" title={t('console.kb')}>
          <List
            size="small"
            dataSource={d.kb.slice(0, 3)}
            renderItem={(k) => (
              <List.Item actions={[<Button key="u" size="small" onClick={() => p.onKb(k)}>{t('console.useAnswer')}</Button>]}>
                <List.Item.Meta title={k.title} description={<span style={{ fontSize: 12 }} data-testid="kb-snippet">{snippetOf(k)}</span>} />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Space>
  );
}
