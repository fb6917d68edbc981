import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../contracts/auth.js';
import type { Role } from '../contracts/roles.js';
import type { Locale } from '../shared/locales.js';
import { api, request } from './api.js';
import { changeLocale, currentLocale, initialLocale } from './i18n/index.js';

export const meKey = ['me'] as const;

type SessionAnswer = { me: Me | null };

let askedAtStart: { locale: Locale; answer: Promise<SessionAnswer> } | null = null;

/**
 * Asks `/session` as the app starts, beside its wording and first page's code, instead of once the first page is
 * drawn: a signed-in page's own queries wait for it. The first `useMe` takes this answer if the language is still
 * the one it was asked in.
 */
export function askSessionAtStart() {
  const locale = initialLocale();
  askedAtStart = { locale, answer: request<SessionAnswer>('GET', '/session', undefined, { 'accept-language': locale }) };
  askedAtStart.answer.catch(() => {});
}

/** Who is signed in: asked of `/session`, which answers a visitor with `null` (no 401 in the console of public pages). */
async function fetchMe(): Promise<Me | null> {
  const early = askedAtStart?.locale === currentLocale() ? askedAtStart.answer : null;
  askedAtStart = null;
  const asked = early ?? api.get<SessionAnswer>('/session');
  const { me } = await asked;
  if (!me) return null;
  // The signed-in person's language wins over this browser's; names then come again in it.
  if (me.user.locale === currentLocale()) return me;
  await changeLocale(me.user.locale);
  return (await api.get<SessionAnswer>('/session')).me;
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return Boolean(me?.grants.some((grant) => roles.includes(grant.role)));
}

export function useRefreshMe() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}
