import { useEffect, useRef } from 'react';
import { isOfferedLocale, type OfferedLocale } from '../../i18n/locales.ts';

/**
 * A language picked before the page hydrated (its scripts still loading on a slow school laptop)
 * changed only the DOM: no handler was listening yet, and hydration leaves a select's value as
 * the reader set it. Once mounted, this applies that choice. Returns the ref for the select.
 */
export function useChoiceBeforeHydration(
  current: string,
  choose: (language: OfferedLocale) => void,
) {
  const select = useRef<HTMLSelectElement>(null);
  const mounted = useRef({ current, choose });
  useEffect(() => {
    const picked = select.current?.value;
    const { current: rendered, choose: apply } = mounted.current;
    if (picked !== undefined && picked !== rendered && isOfferedLocale(picked)) apply(picked);
  }, []);
  return select;
}
