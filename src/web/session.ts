import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../contracts/auth.js';
import type { Role } from '../contracts/roles.js';
import { api } from './api.js';
import { changeLocale, currentLocale } from './i18n/index.js';

export const meKey = ['me'] as const;

/** Who is signed in: asked of `/session`, which answers a visitor with `null` (no 401 in the console of public pages). */
async function fetchMe(): Promise<Me | null> {
  const { me } = await api.get<{ me: Me | null }>('/session');
  if (!me) return null;
  // The signed-in person's language wins over this browser's; names then come again in it.
  if (me.user.locale === currentLocale()) return me;
  await changeLocale(me.user.locale);
  return (await api.get<{ me: Me | null }>('/session')).me;
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
