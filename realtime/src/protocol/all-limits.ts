import { KIND_LIMITS } from '../kinds/registry.ts';
import { LIMITS as GENERAL_LIMITS } from './limits.ts';

/** Every bound a client must respect: the protocol's general ones and each kind's own. */
export const LIMITS = { ...GENERAL_LIMITS, ...KIND_LIMITS } as const;
