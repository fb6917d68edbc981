/**
 * Reading the parameters of an address (routes' `validateSearch`) without zod: the routes are defined up front, with
 * the first page, and zod is loaded with the pages that validate forms. A value of the wrong shape reads as absent,
 * as `.catch(undefined)` did: an edited or outdated link still opens its page.
 */
export type Search = Record<string, unknown>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function searchUuid(value: unknown): string | undefined {
  return typeof value === 'string' && uuid.test(value) ? value : undefined;
}

export function searchChoice<const Choices extends readonly string[]>(value: unknown, choices: Choices): Choices[number] | undefined {
  return typeof value === 'string' && choices.includes(value) ? (value as Choices[number]) : undefined;
}

export function searchText(value: unknown, maxLength: number): string | undefined {
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}

/** The parameters without those read as absent (an address does not say `?tab=undefined`). */
export function present<Values extends Search>(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Values;
}
