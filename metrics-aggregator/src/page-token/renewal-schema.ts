import { z } from 'zod';
import type { PageTokenRenewal } from './grant.ts';

/** The renewal route's body: checked here, so the route and the reporter share one definition. */
export const pageTokenRenewalSchema: z.ZodType<PageTokenRenewal> = z.strictObject({
  token: z.string().max(200).optional(),
});
