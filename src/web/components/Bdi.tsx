import type { ReactNode } from 'react';

/**
 * A value shown next to words in its own direction (`<bdi>`): a reference 2026-0001, a name, an e-mail address, a
 * date or anything typed by someone, inside an Arabic sentence or beside an Arabic label. References and e-mail
 * addresses are always left to right (`ltr`); other values take the direction of their first letter.
 * For strings passed to `t()`, see `isolate` (src/web/i18n/isolate.ts).
 */
export function Bdi({ children, ltr }: { children: ReactNode; ltr?: boolean }) {
  return <bdi dir={ltr ? 'ltr' : undefined}>{children}</bdi>;
}
