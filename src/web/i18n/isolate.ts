/**
 * Bidirectional isolation of the values put into sentences. In an Arabic sentence a reference such as 2026-0001
 * after Arabic letters turns into Arabic numbers and reads "0001-2026"; a French company name keeps its final
 * punctuation on the wrong side; a date beside a name swaps places with it. Wrapped in FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE, a value is laid out on its own, in its own direction, and the sentence around it is not
 * disturbed — in every language, since a French sentence may hold an Arabic name as well.
 *
 * The one way: values passed to `t()` interpolation go through `isolate` (or `isolateAll`); values shown in JSX next
 * to words go in `<Bdi>` (src/web/components/Bdi.tsx). Accessible names (aria-label) need neither.
 */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** A value isolated for a sentence; empty stays empty, and an isolated value is not wrapped twice. */
export function isolate(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text === '' || (text.startsWith(FSI) && text.endsWith(PDI))) return text;
  return `${FSI}${text}${PDI}`;
}

/** Every string and number of interpolation values isolated (`count` is kept a number: i18next picks plurals with it). */
export function isolateAll<Values extends Record<string, unknown>>(values: Values): Values {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      key !== 'count' && (typeof value === 'string' || typeof value === 'number') ? isolate(value) : value,
    ]),
  ) as Values;
}

/** The text without the isolates, as a value was typed (to compare or to copy). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
