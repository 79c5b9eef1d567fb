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
    const element = select.current;
    if (!element) return;
    // The reader's own choice differs both from the page's language and from what the server
    // rendered as chosen (the first option when it chose none, as for a language the picker does
    // not offer; a select React created in the browser shows the page's language).
    const options = Array.from(element.options);
    const rendered = (options.find((o) => o.defaultSelected) ?? options[0])?.value;
    const picked = element.value;
    const { current: language, choose: apply } = mounted.current;
    if (picked !== rendered && picked !== language && isOfferedLocale(picked)) apply(picked);
  }, []);
  return select;
}
