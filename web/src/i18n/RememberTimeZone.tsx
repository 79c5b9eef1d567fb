'use client';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from './locales.ts';

/**
 * Tells the server this browser's time zone (a cookie), so dates and times rendered on the server
 * show in the reader's zone from the next page on, not the server's (UTC in a cluster).
 */
export function RememberTimeZone({ known }: { known: string | undefined }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== known)
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [known]);
  return null;
}
