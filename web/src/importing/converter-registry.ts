import type { Converter } from './converter.ts';

/**
 * The process's converter, set by the launcher (embedded main.ts, production web-server.ts).
 * Route handlers are bundled by Next and cannot start the converter child themselves (its program
 * file must stay where it is), so they find it here. None registered: imports are unavailable.
 */
const KEY = 'classpulse:converter';
const holder = globalThis as unknown as Record<string, Converter | undefined>;

export function registerConverter(converter: Converter): void {
  holder[KEY] = converter;
}

export function registeredConverter(): Converter | null {
  return holder[KEY] ?? null;
}
