'use client';

import { useFormatter } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * A time in the reader's own time zone. The server renders UTC (it does not know the reader's
 * zone); the browser replaces it after hydration, so both renders agree. `timeOnly`: the time of
 * day alone (a narrow table column), the full date and time in its tooltip.
 */
export function LocalTime({ at, timeOnly = false }: { at: number; timeOnly?: boolean }) {
  const iso = new Date(at).toISOString();
  const utc = timeOnly ? `${iso.slice(11, 19)} UTC` : `${iso.slice(0, 19).replace('T', ' ')} UTC`;
  const [text, setText] = useState(utc);
  const [full, setFull] = useState(`${iso.slice(0, 19).replace('T', ' ')} UTC`);
  const format = useFormatter();
  useEffect(() => {
    const date = new Date(at);
    // The page's language, this browser's time zone.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const time = { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone } as const;
    const dateAndTime = { ...time, year: 'numeric', month: 'numeric', day: 'numeric' } as const;
    setText(format.dateTime(date, timeOnly ? time : dateAndTime));
    setFull(format.dateTime(date, dateAndTime));
  }, [at, timeOnly, format]);
  return (
    <time dateTime={iso} title={timeOnly ? full : undefined}>
      {text}
    </time>
  );
}
