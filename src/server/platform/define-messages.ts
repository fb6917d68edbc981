/**
 * A module's server wording in the three languages. French and Arabic must have exactly the English keys,
 * so a missing or misspelt translation does not compile. Add the result to the catalog in `messages.ts`.
 */
export function defineMessages<const English extends Record<string, string>>(messages: {
  en: English;
  fr: Record<keyof English, string>;
  ar: Record<keyof English, string>;
}) {
  return messages;
}
