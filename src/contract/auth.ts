import { z } from 'zod';
import { Role } from './enums.ts';

export const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  locale: z.string(),
});
export type Me = z.infer<typeof MeResponse>;
/** Who is signed in, or null: the web app asks this on every page, so it is not an error (401) to be nobody. */
export const SessionResponse = z.object({ user: MeResponse.nullable() });
