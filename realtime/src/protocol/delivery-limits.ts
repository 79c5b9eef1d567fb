const DAY_MS = 86_400_000;

/**
 * Bounds of the delivery facts a client reports (health.ts). A client clamps to them, so
 * telemetry never costs an answer. Its own module: pages that only clamp do not load the
 * health report's schemas.
 */
export const DELIVERY_LIMITS = {
  queuedMsMax: 7 * DAY_MS,
  attemptMax: 1_000_000,
  clockOffsetMsMax: DAY_MS,
} as const;
