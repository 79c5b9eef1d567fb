import { createTranslator } from 'next-intl';
import network from '../../../messages/network/en.json';
import { renderWords, type FormatMessage } from '../../i18n/words.ts';
import type { CheckTextKey, TextValue } from './types.ts';

// next-intl's messages are typed per key; these keys come from the same catalog (CheckTextKey).
const englishFormat = createTranslator({
  locale: 'en',
  messages: { network },
  namespace: 'network.networkCheck',
}) as unknown as FormatMessage<CheckTextKey>;

/**
 * The English words, for the support summary (read by Classpulse support whatever the page's
 * language) and for tests. The catalog's English is the one source.
 */
export function english(value: TextValue): string {
  return renderWords(value, englishFormat);
}
