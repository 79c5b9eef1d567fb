/**
 * One value per process under `key`, kept on globalThis: Next may load a module more than once
 * (route bundles, dev reloads), and a cache or a connection must still be one.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  const name = `classpulse:${key}`;
  holder[name] ??= create();
  return holder[name];
}
