// Rates and dashboards (响应率 / 解决率 / 满意率 and the measures around them) as the API shows them.
import { z } from 'zod';
import { DivisionCode } from './divisions.ts';

const Iso = z.string().datetime({ offset: true });
const Bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/** How the three rates are computed: published in the product, changed by an admin. */
export const RatesConfig = z.object({
  /** 满意率: 基本满意 counts as satisfied. */
  basicCountsAsSatisfied: z.boolean(),
  /** Tickets marked excluded_from_rates (不予受理, unreasonable, after review) still count. */
  includeExcluded: z.boolean(),
  /** 解决率 denominator: every callback/closed ticket ('closed'), or only those with a resolved answer ('rated'). */
  resolutionScope: z.enum(['closed', 'rated']),
  /** 满意率 uses each ticket's first rating (stricter: reopening cannot wash out a bad rating) or its last. */
  ratingBasis: z.enum(['first', 'last']),
});
export type RatesConfig = z.infer<typeof RatesConfig>;
export const RatesConfigPatch = RatesConfig.partial();

export const Ratio = z.object({ num: z.number().int(), den: z.number().int(), rate: z.number().nullable() });
export type Ratio = z.infer<typeof Ratio>;

export const Metrics = z.object({
  tickets: z.number().int(),
  dispatched: z.number().int(),
  response: Ratio,
  resolution: Ratio,
  satisfaction: Ratio,
  /** Dispatched tickets that were never returned nor redispatched. */
  dispatchAccuracy: Ratio,
  returns: z.number().int(),
  redispatches: z.number().int(),
  reopens: z.number().int(),
  reopenedTickets: z.number().int(),
  overdue: z.number().int(),
  autoShare: Ratio,
  autoPrecision: Ratio,
});
export type Metrics = z.infer<typeof Metrics>;

export const RateRow = Metrics.extend({
  key: z.string(),
  name: z.string(),
  /** unit rows: returns (退单) this unit made — bounces are charged to the unit that sent the ticket back. */
  returnsMade: z.number().int().nullable(),
  /** unit rows: kind and parent; division rows: level. */
  kind: z.string().nullable(),
  parentKey: z.string().nullable(),
});
export type RateRow = z.infer<typeof RateRow>;

export const GroupBy = z.enum(['unit', 'month', 'division']);
export const RatesQuery = z.object({
  from: Iso.optional(),
  to: Iso.optional(),
  groupBy: GroupBy.optional(),
  unitId: z.uuid().optional(),
  divisionCode: DivisionCode.optional(),
  /** unit rows include their sub-units' tickets (default) or only their own. */
  rollup: Bool.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RatesQuery = z.infer<typeof RatesQuery>;
export const RatesResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.string().nullable(),
  config: RatesConfig,
  overall: Metrics,
  items: z.array(RateRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RatesResponse = z.infer<typeof RatesResponse>;

export const TrendQuery = z.object({
  months: z.coerce.number().int().min(1).max(36).default(6),
  unitId: z.uuid().optional(),
  divisionCode: DivisionCode.optional(),
});
export const TrendResponse = z.object({ unitId: z.string().nullable(), items: z.array(RateRow) });

export const RankBy = z.enum(['satisfaction', 'resolution', 'response']);
export const RankingQuery = z.object({
  from: Iso.optional(),
  to: Iso.optional(),
  by: RankBy.default('satisfaction'),
  kind: z.string().regex(/^[a-z]{1,20}$/).optional(),
  /** Units with fewer tickets in the rate's denominator are left out. */
  minCount: z.coerce.number().int().min(1).max(10000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const RankingResponse = z.object({ by: RankBy, items: z.array(RateRow.extend({ rank: z.number().int() })) });

export const HotspotsByPlaceQuery = z.object({
  from: Iso.optional(),
  to: Iso.optional(),
  level: z.coerce.number().int().min(2).max(6).default(4),
  categoryLevel: z.coerce.number().int().min(1).max(3).default(1),
  divisionCode: DivisionCode.optional(),
  /** cells per page (the busiest first) */
  limit: z.coerce.number().int().min(1).max(500).default(100),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export const HotspotCell = z.object({
  divisionCode: z.string(), divisionName: z.string(), categoryCode: z.string().nullable(), categoryName: z.string().nullable(), count: z.number().int(),
});
export const HotspotsByPlaceResponse = z.object({
  level: z.number().int(),
  items: z.array(HotspotCell),
  /** all cells (place × category) of the filter; items are page `page` of `pageSize` of them */
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  /** Per division: total tickets and open ones, with centre coordinates when known (for the map). */
  divisions: z.array(z.object({
    code: z.string(), name: z.string(), total: z.number().int(), open: z.number().int(), lat: z.number().nullable(), lng: z.number().nullable(),
  })),
});

export const FormulaText = z.object({ zh: z.string(), en: z.string() });
export const FormulasResponse = z.object({
  config: RatesConfig,
  formulas: z.object({
    response: FormulaText, resolution: FormulaText, satisfaction: FormulaText,
    dispatchAccuracy: FormulaText, autoShare: FormulaText, autoPrecision: FormulaText, period: FormulaText,
  }),
});

export const TicketPoint = z.object({ id: z.string(), number: z.string(), lat: z.number(), lng: z.number(), status: z.string(), title: z.string() });
export const PointsQuery = z.object({
  from: Iso.optional(),
  to: Iso.optional(),
  divisionCode: DivisionCode.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export const PointsResponse = z.object({ items: z.array(TicketPoint) });

export const KeySite = z.object({
  name: z.string().min(1).max(100),
  kind: z.string().max(40).optional(),
  note: z.string().max(500).optional(),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
});
export const KeySitesBody = z.object({ items: z.array(KeySite).max(200) });

export const ProfileQuery = z.object({ from: Iso.optional(), to: Iso.optional() });
export const DivisionProfile = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
  from: z.string(),
  to: z.string(),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  metrics: Metrics,
  topCategories: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), count: z.number().int() })),
  children: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int(), total: z.number().int() })),
  recent: z.array(z.object({
    id: z.string(), number: z.string(), title: z.string(), status: z.string(), receivedAt: z.string(),
    categoryCode: z.string().nullable(), categoryName: z.string().nullable(), leadUnitName: z.string().nullable(), satisfaction: z.string().nullable(),
  })),
  keySites: z.array(KeySite),
  hasGeojson: z.boolean(),
});
export type DivisionProfile = z.infer<typeof DivisionProfile>;
