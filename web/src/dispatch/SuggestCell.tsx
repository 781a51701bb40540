// Per-row suggestions (analyze on the title): up to 3 units with their confidence, one click
// dispatches there; and the top category.
import { Button, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AnalyzeResponse, TicketSummary } from '../contract.ts';
import { api, ApiError } from '../api/client.ts';
import { ticketsApi } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';

let unavailable = false;

export function useRowSuggestion(tk: Pick<TicketSummary, 'id' | 'title' | 'divisionCode'>, enabled = true) {
  return useQuery({
    queryKey: ['analyze-row', tk.id],
    queryFn: async () => {
      try {
        return await api.post<AnalyzeResponse>('/api/v1/nlp/analyze', { content: tk.title, divisionCode: tk.divisionCode ?? undefined });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) unavailable = true;
        return null;
      }
    },
    enabled: enabled && !unavailable && tk.title.trim().length > 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Units that returned this ticket (退单): suggesting them again would bounce it back. */
function useReturnedBy(ticket: Pick<TicketSummary, 'id' | 'returnCount'>): Set<string> {
  const q = useQuery({ queryKey: ['ticket', ticket.id], queryFn: () => ticketsApi.get(ticket.id), enabled: ticket.returnCount > 0, staleTime: 60_000 });
  const out = new Set<string>();
  for (const e of q.data?.events ?? []) if (e.action === 'return' && typeof e.data.unitId === 'string') out.add(e.data.unitId);
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, flex: 1 } as const;

/** The top category suggestion (marked when it is the ticket's own category already). */
function CategoryHint({ ticket, top }: { ticket: TicketSummary; top: AnalyzeResponse['categories'][number] | undefined }) {
  const { t } = useI18n();
  if (!top) return null;
  const same = top.code === ticket.categoryCode;
  return (
    <Tooltip title={t(same ? 'dispatch.categorySame' : 'dispatch.categoryHint', { name: top.name })}>
      <div style={{ display: 'flex', gap: 4, fontSize: 12, color: 'rgba(0,0,0,0.55)' }} data-testid="suggest-category">
        <span style={{ ...ellipsis, flex: '0 1 auto' }}>{t('dispatch.category')}{top.name}{same ? ' ✓' : ''}</span>
        <span style={{ flex: 'none' }}>{top.keyword ? t('console.keyword', { keyword: top.keyword }) : pct(top.confidence)}</span>
      </div>
    </Tooltip>
  );
}

export function SuggestCell({ ticket, onPick }: { ticket: TicketSummary; onPick: (unit: { id: string; name: string }) => void }) {
  const { t } = useI18n();
  const q = useRowSuggestion(ticket);
  const returnedBy = useReturnedBy(ticket);
  // the top 3, leaving out the current lead and every unit that returned it
  const units = (q.data?.units ?? []).filter((u) => u.id !== ticket.leadUnitId && !returnedBy.has(u.id)).slice(0, 3);
  const top = q.data?.categories[0];
  if (!units.length && !top) return <Typography.Text type="secondary">{q.isLoading ? '…' : '—'}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }} data-testid="suggest-cell">
      {units.map((u, i) => (
        <Tooltip key={u.id} title={t('dispatch.quick', { unit: u.name })}>
          <Button size="small" type={i === 0 ? 'primary' : 'default'} ghost={i === 0} onClick={() => onPick(u)} data-testid="quick-dispatch"
            style={{ display: 'flex', gap: 4, width: '100%', maxWidth: '100%', textAlign: 'left', paddingInline: 6 }}>
            <span style={ellipsis}>{i === 0 ? '★ ' : ''}{u.name}</span>
            <span style={{ flex: 'none' }} data-testid="quick-dispatch-confidence">{u.fallback ? t('console.fallbackUnit') : pct(u.confidence)}</span>
          </Button>
        </Tooltip>
      ))}
      {!units.length ? <Typography.Text type="secondary">—</Typography.Text> : null}
      <CategoryHint ticket={ticket} top={top} />
    </div>
  );
}
