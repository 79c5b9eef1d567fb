/**
 * Liveness and readiness for Kubernetes and load balancers: answering means the Next server is
 * up and routing. It touches no database or realtime tier on purpose, so a slow dependency does
 * not get healthy web pods restarted; those have their own health checks and alerts.
 */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
