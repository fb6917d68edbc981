import type { ReactNode } from 'react';

/**
 * A value shown next to words in its own direction (`<bdi>`): a reference 2026-0001, a name, an e-mail address, a
 * date or anything typed by someone, inside an Arabic sentence or beside an Arabic label. References and e-mail
 * addresses are always left to right (`ltr`); other values take the direction of their first letter. `nowrap` keeps
 * a reference whole on a narrow screen (a line would otherwise break at its dash).
 * For strings passed to `t()`, see `isolate` (src/web/i18n/isolate.ts); in a `<Trans>` sentence, a `<Bdi>` element.
 */
export function Bdi({ children, ltr, nowrap }: { children?: ReactNode; ltr?: boolean; nowrap?: boolean }) {
  return (
    <bdi dir={ltr ? 'ltr' : undefined} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {children}
    </bdi>
  );
}
