import type { ReactNode } from 'react';

/** The `<b>` of a message that names the join code: data, kept whole and left to right. */
export const joinCodeTag = (chunks: ReactNode) => (
  <strong translate="no" dir="ltr">
    {chunks}
  </strong>
);
