import { z } from 'zod';

export const Page = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type Page = z.infer<typeof Page>;

/**
 * Paging for reference lists (categories, a division's children, scope rules): they are small
 * and read whole by the web app, so one page holds up to 1,000 and is the default.
 */
export const ReferencePage = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(1000),
});

/** One page of an in-memory list, in the paged() shape. */
export function pageOf<T>(all: T[], q: { page: number; pageSize: number }) {
  return { items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
}

export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
    detail: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

/** Text that is trimmed and free of NUL/control characters other than newline and tab. */
export const Text = (max: number) =>
  z.string()
    // control characters out; invisible ones (zero-width space, BOM …) and whitespace off both
    // ends, so a name of nothing but U+200B is empty (inside a text, a zero-width joiner stays)
    .transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu, ''))
    .pipe(z.string().max(max));

/**
 * A phone number as stored and compared: digits only, without the +86 / 0086 country prefix, so
 * "158-2243-1810", "+86 158 2243 1810" and "15822431810" are one caller.
 */
export function canonicalPhone(s: string): string {
  const t = s.trim();
  let d = t.replace(/\D/g, '');
  if (t.startsWith('+86') || (t.startsWith('0086') && d.length > 12)) d = d.slice(t.startsWith('+') ? 2 : 4);
  else if (d.length === 13 && /^861/.test(d)) d = d.slice(2); // 86 + an 11-digit mobile number
  return d;
}

/**
 * A number someone can be called back on (回访): at least 7 digits once written canonically — a
 * local landline has 7–8, a mobile 11, a landline with its area code 10–12. Service numbers
 * (12345, 95598, 110) and fragments are no callback. Deliberately no stricter (a mobile's second
 * digit, area-code tables): a number the caller gives is theirs to give.
 */
export function isCallablePhone(typed: string): boolean {
  const t = typed.trim();
  return /^\+?[0-9][0-9 ()-]{4,24}$/.test(t) && /^[0-9]{7,20}$/.test(canonicalPhone(t));
}

const PHONE_MESSAGE = 'phone must be a number that can be called back: a mobile, or a landline with its area code';

/** A caller's phone as typed (digits, spaces, -, (), a leading +), kept as canonicalPhone gives it. */
export const PhoneNumber = z.string().trim()
  .refine(isCallablePhone, PHONE_MESSAGE)
  .transform(canonicalPhone);
