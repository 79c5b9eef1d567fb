'use client';

import { useEffect, useState } from 'react';

/**
 * A time in the reader's own time zone. The server renders UTC (it does not know the reader's
 * zone); the browser replaces it after hydration, so both renders agree.
 */
export function LocalTime({ at }: { at: number }) {
  const iso = new Date(at).toISOString();
  const [text, setText] = useState(`${iso.slice(0, 19).replace('T', ' ')} UTC`);
  useEffect(() => setText(new Date(at).toLocaleString()), [at]);
  return <time dateTime={iso}>{text}</time>;
}
