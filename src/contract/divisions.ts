// Divisions (行政区划) as the API shows them.
import { z } from 'zod';
import { Page, ReferencePage, Text, paged } from './common.ts';

export const DivisionCode = z.string().regex(/^\d{2,15}$/, 'a numeric division code');
/** A division code as typed: trimmed, full-width digits (３５０９) read as digits. */
export const DivisionCodeInput = z.string().trim().transform((s) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).pipe(DivisionCode);
export const Division = z.object({
  code: z.string(), name: z.string(), level: z.number().int(), parentCode: z.string().nullable(), path: z.string(),
  lat: z.number().nullable(), lng: z.number().nullable(),
});
export const DivisionBrief = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export const DivisionChild = Division.extend({ childCount: z.number().int() });
export const DivisionDetail = Division.extend({
  ancestors: z.array(DivisionBrief),
  children: z.array(DivisionBrief.extend({ childCount: z.number().int() })),
});
export const DivisionChildrenQuery = ReferencePage.extend({ parent: DivisionCode.optional() });
export const DivisionSearchQuery = Page.extend({ q: Text(50).pipe(z.string().min(1)), under: DivisionCode.optional() });
export const DivisionPage = paged(Division);
export const GridBody = z.object({
  name: Text(50).pipe(z.string().min(1)),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
});
export const GeoJsonBody = z.object({ type: z.enum(['Feature', 'FeatureCollection', 'Polygon', 'MultiPolygon']) }).passthrough();
export const DivisionPatch = z.object({
  name: Text(50).pipe(z.string().min(1)).optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
});
