// A place by its path, county › township › village (GET /api/v1/divisions/:code gives the
// ancestors), so two places of the same name (城北社区) can be told apart; the city too on hover.
import { Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DivisionDetail } from '../contract.ts';
import { api } from '../api/client.ts';

type Detail = z.infer<typeof DivisionDetail>;

/** Names from the province down to the place itself ([] until loaded). */
export function usePlaceNames(code: string | undefined) {
  const q = useQuery({
    queryKey: ['division-detail', code],
    queryFn: () => api.get<Detail>(`/api/v1/divisions/${encodeURIComponent(code!)}`),
    enabled: !!code,
    staleTime: 30 * 60_000,
    retry: false,
  });
  const d = q.data;
  return d ? [...d.ancestors, { code: d.code, name: d.name, level: d.level }] : [];
}

/** county (level 3) and below; a city or province alone keeps its own name */
const SHOWN_FROM = 3;

export function PlaceTrail({ code, name }: { code: string; name: string }) {
  const chain = usePlaceNames(code);
  const shown = chain.filter((d) => d.level >= SHOWN_FROM);
  const text = shown.length ? shown.map((d) => d.name).join(' › ') : name;
  const full = chain.length ? chain.map((d) => d.name).join(' › ') : name;
  return (
    <Tooltip title={full}>
      <span data-testid="place-trail" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%', display: 'inline-block', verticalAlign: 'bottom' }}>
        {text}
      </span>
    </Tooltip>
  );
}
