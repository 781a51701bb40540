// Units, categories, routing rules, users, scope rules and knowledge base as the API shows them.
import { z } from 'zod';
import { Page, ReferencePage, Text, paged } from './common.ts';
import { Role } from './enums.ts';
import { DivisionCode } from './divisions.ts';

export const UNIT_KINDS = ['center', 'government', 'department', 'street', 'community', 'grid', 'enterprise'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export const Id = z.uuid();
export const CategoryCode = z.string().regex(/^[0-9A-Za-z_-]{1,20}$/, 'a category code');
const Bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

export const Unit = z.object({
  id: z.string(), code: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string(),
  parentId: z.string().nullable(), divisionCode: z.string().nullable(), divisionName: z.string().nullable(),
  isFallback: z.boolean(), whitelistOnly: z.boolean(), active: z.boolean(), path: z.string(), childCount: z.number().int(),
});
export const UnitDetail = Unit.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  whitelist: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const UnitQuery = Page.extend({
  parentId: z.union([Id, z.literal('root')]).optional(),
  /** only units below this one, at any depth (where a unit may pass a ticket down: 下派) */
  under: Id.optional(),
  q: Text(50).optional(),
  kind: UnitKind.optional(),
  divisionCode: DivisionCode.optional(),
  includeInactive: Bool.optional(),
});
export const UnitPage = paged(Unit);
export const UnitCreate = z.object({
  code: z.string().regex(/^[0-9A-Za-z_.-]{2,60}$/),
  name: Text(100).pipe(z.string().min(1)),
  shortName: Text(50).nullish(),
  kind: UnitKind,
  parentId: Id.nullish(),
  divisionCode: DivisionCode.nullish(),
  isFallback: z.boolean().optional(),
  whitelistOnly: z.boolean().optional(),
});
export const UnitPatch = UnitCreate.omit({ code: true }).partial().extend({ active: z.boolean().optional() });
export const WhitelistBody = z.object({ categoryCodes: z.array(CategoryCode).max(500) });

export const Category = z.object({
  code: z.string(), name: z.string(), nameEn: z.string().nullable(), level: z.number().int(),
  parentCode: z.string().nullable(), keywords: z.string(), active: z.boolean(),
});
export const CategoryQuery = ReferencePage.extend({ flat: Bool.optional(), includeInactive: Bool.optional() });
export const CategoryCreate = z.object({
  code: CategoryCode.optional(),
  name: Text(50).pipe(z.string().min(1)),
  nameEn: Text(100).nullish(),
  parentCode: CategoryCode.nullish(),
  keywords: Text(1000).optional(),
});
export const CategoryPatch = z.object({
  name: Text(50).pipe(z.string().min(1)).optional(), nameEn: Text(100).nullish(), keywords: Text(1000).optional(), active: z.boolean().optional(),
});

export const RoutingRule = z.object({
  id: z.string(), categoryCode: z.string().nullable(), categoryName: z.string().nullable(),
  divisionCode: z.string().nullable(), divisionName: z.string().nullable(),
  leadUnitId: z.string(), leadUnitName: z.string(), coUnitIds: z.array(z.string()),
  /** the co-units' names, in the order of coUnitIds */
  coUnitNames: z.array(z.string()),
  priority: z.number().int(), note: z.string().nullable(), active: z.boolean(),
});
export const RoutingRuleQuery = Page.extend({
  categoryCode: CategoryCode.optional(), divisionCode: DivisionCode.optional(), unitId: Id.optional(), includeInactive: Bool.optional(),
});
export const RoutingRulePage = paged(RoutingRule);
export const RoutingRuleCreate = z.object({
  categoryCode: CategoryCode.nullish(),
  divisionCode: DivisionCode.nullish(),
  leadUnitId: Id,
  coUnitIds: z.array(Id).max(20).optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  note: Text(200).nullish(),
});
export const RoutingRulePatch = RoutingRuleCreate.partial().extend({ active: z.boolean().optional() });
export const RoutingTestBody = z.object({ categoryCode: CategoryCode.nullish(), divisionCode: DivisionCode.nullish() });
export const RoutingTestResult = z.object({
  leadUnitId: z.string().nullable(), leadUnitName: z.string().nullable(), coUnitIds: z.array(z.string()),
  ruleId: z.string().nullable(), fallback: z.boolean(), reason: z.string(), whitelistOk: z.boolean(),
});

export const AdminUser = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: z.string(), unitId: z.string().nullable(),
  unitName: z.string().nullable(), divisionCode: z.string().nullable(), divisionName: z.string().nullable(),
  phone: z.string().nullable(), active: z.boolean(), locked: z.boolean(), createdAt: z.string(),
});
export const UserQuery = Page.extend({ q: Text(50).optional(), role: Role.optional(), unitId: Id.optional(), includeInactive: Bool.optional() });
export const UserPage = paged(AdminUser);
export const Password = z.string().min(8).max(200);
export const Username = z.string().regex(/^[A-Za-z0-9_.@-]{2,50}$/, 'letters, digits, _ . @ -');
export const UserCreate = z.object({
  username: Username,
  password: Password,
  displayName: Text(50).pipe(z.string().min(1)),
  role: Role,
  unitId: Id.nullish(),
  divisionCode: DivisionCode.nullish(),
  phone: z.string().regex(/^[0-9+\- ]{3,20}$/).nullish(),
});
export const UserPatch = UserCreate.omit({ username: true, password: true }).partial().extend({ active: z.boolean().optional() });
export const PasswordBody = z.object({ password: Password });

export const ScopeRule = z.object({ code: z.string(), title: z.string(), titleEn: z.string().nullable(), basis: z.string() });
export const ScopeRuleBody = z.object({
  title: Text(200).pipe(z.string().min(1)), titleEn: Text(200).nullish(), basis: Text(2000).pipe(z.string().min(1)),
});

export const KbArticle = z.object({
  id: z.string(), title: z.string(), body: z.string(), categoryCode: z.string().nullable(), categoryName: z.string().nullable(),
  keywords: z.string(), active: z.boolean(), updatedAt: z.string(),
});
export const KbQuery = Page.extend({ q: Text(100).optional(), categoryCode: CategoryCode.optional(), includeInactive: Bool.optional() });
export const KbPage = paged(KbArticle);
export const KbCreate = z.object({
  title: Text(200).pipe(z.string().min(1)), body: Text(20000).pipe(z.string().min(1)),
  categoryCode: CategoryCode.nullish(), keywords: Text(1000).optional(),
});
export const KbPatch = KbCreate.partial().extend({ active: z.boolean().optional() });
