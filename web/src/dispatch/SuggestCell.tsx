// Per-row suggested unit (from analyze on the title): one click dispatches there.
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

export function SuggestCell({ ticket, onPick }: { ticket: TicketSummary; onPick: (unit: { id: string; name: string }) => void }) {
  const { t } = useI18n();
  const q = useRowSuggestion(ticket);
  const returnedBy = useReturnedBy(ticket);
  // the top 3, leaving out the current lead and every unit that returned it
  const units = (q.data?.units ?? []).filter((u) => u.id !== ticket.leadUnitId && !returnedBy.has(u.id)).slice(0, 3);
  if (!units.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {units.map((u) => (
        <Tooltip key={u.id} title={t('dispatch.quick', { unit: u.name })}>
          <Button size="small" onClick={() => onPick(u)} data-testid="quick-dispatch" style={{ textAlign: 'left' }}>
            ★ {u.name} {u.fallback ? t('console.fallbackUnit') : `${Math.round(u.confidence * 100)}%`}
          </Button>
        </Tooltip>
      ))}
    </div>
  );
}
