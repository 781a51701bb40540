// Suggestions for the dispatcher queue: for the whole page at once (one call, each ticket's whole
// text and place read on the server), up to 3 units with their confidence — one click dispatches
// there — and the top category. Units the ticket was already with are left out by the server.
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { DispatchSuggestionsResponse, TicketSummary } from '../contract.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { useCategoryName } from '../components/category-name.ts';

export type RowSuggestion = DispatchSuggestionsResponse['items'][number];

/** The suggestions for these tickets (a page of the queue, or the one open in the drawer), by ticket id. */
export function useDispatchSuggestions(ids: string[]) {
  const key = [...ids].sort();
  const q = useQuery({
    queryKey: ['dispatch-suggestions', key],
    queryFn: () => api.post<DispatchSuggestionsResponse>('/api/v1/nlp/dispatch-suggestions', { ticketIds: key }).catch(() => ({ items: [] })),
    enabled: key.length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { byId: new Map((q.data?.items ?? []).map((i) => [i.ticketId, i])), isLoading: q.isLoading };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flex: 1 } as const;

/** The top category suggestion (marked when it is the ticket's own category already). */
function CategoryHint({ ticket, top }: { ticket: TicketSummary; top: RowSuggestion['categories'][number] | undefined }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  if (!top) return null;
  const same = top.code === ticket.categoryCode;
  const name = categoryName(top.code, top.name) ?? top.name;
  return (
    <Tooltip title={t(same ? 'dispatch.categorySame' : 'dispatch.categoryHint', { name })}>
      <div style={{ display: 'flex', gap: 4, fontSize: 12, color: 'rgba(0,0,0,0.55)' }} data-testid="suggest-category">
        <span style={{ ...ellipsis, flex: '0 1 auto' }}>{t('dispatch.category')}{name}{same ? ' ✓' : ''}</span>
        <span style={{ flex: 'none' }}>{top.keyword ? t('console.keyword', { keyword: top.keyword }) : pct(top.confidence)}</span>
      </div>
    </Tooltip>
  );
}

export function SuggestCell({ ticket, suggestion, loading, onPick }: {
  ticket: TicketSummary; suggestion: RowSuggestion | undefined; loading: boolean; onPick: (unit: { id: string; name: string }) => void;
}) {
  const { t } = useI18n();
  const units = suggestion?.units ?? [];
  const top = suggestion?.categories[0];
  if (!units.length && !top) return <Typography.Text type="secondary">{loading ? '…' : '—'}</Typography.Text>;
  const dups = suggestion?.duplicates ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }} data-testid="suggest-cell">
      {dups.length ? (
        <Tooltip title={dups.map((d) => `${d.number} ${d.title}`).join('\n')}>
          <Tag color="orange" style={{ margin: 0, width: 'fit-content' }} data-testid="suggest-duplicate">{t('dispatch.dupTag')} · {dups.map((d) => d.number.slice(-6)).join(', ')}</Tag>
        </Tooltip>
      ) : null}
      {units.map((u, i) => (
        <Tooltip key={u.id} title={t('dispatch.quick', { unit: u.name })}>
          <Button size="small" type={i === 0 ? 'primary' : 'default'} ghost={i === 0} onClick={() => onPick(u)} data-testid="quick-dispatch"
            style={{ display: 'flex', gap: 4, width: '100%', maxWidth: '100%', textAlign: 'left', paddingInline: 6 }}>
            <span style={ellipsis}>{i === 0 ? '★ ' : ''}{u.name}</span>
            <span style={{ flex: 'none' }} data-testid="quick-dispatch-confidence">{u.fallback ? t('console.fallbackUnit') : u.local ? t('dispatch.local') : pct(u.confidence)}</span>
          </Button>
        </Tooltip>
      ))}
      {!units.length ? <Typography.Text type="secondary">—</Typography.Text> : null}
      <CategoryHint ticket={ticket} top={top} />
    </div>
  );
}
