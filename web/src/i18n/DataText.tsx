import type { ReactNode } from 'react';
import { DATA_END, DATA_START } from './words.ts';

const DATA = new RegExp(`${DATA_START}([^${DATA_END}]*)${DATA_END}`, 'u');

/**
 * Text from `renderMarked`: each piece of data inside it sits in `<bdi translate="no">`, so it
 * stays whole in right-to-left text and translators (and the pseudo-locale check) leave it alone.
 */
export function DataText({ text }: { text: string }): ReactNode {
  return text.split(DATA).map((part, i) =>
    i % 2 === 1 ? (
      <bdi key={i} translate="no">
        {part}
      </bdi>
    ) : (
      part
    ),
  );
}
