/**
 * A register location as a message key: Redis key families such as `s:{session}:meta` hold
 * characters a catalog key should not, so every run of them becomes one underscore.
 */
export const locationMessageKey = (location: string): string =>
  location.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_|_$/g, '');
