import { useQuery } from '@tanstack/react-query';
import type { Page } from '../../../../contracts/lists.js';
import type { Park } from '../../../../contracts/parks.js';
import { pickText } from '../../../../shared/localized-text.js';
import { api } from '../../../api.js';
import { currentLocale } from '../../../i18n/index.js';
import { hasRole, useMe } from '../../../session.js';

/**
 * Parks to choose from: every park for network admins and program officers, a park manager's own parks
 * otherwise (plus `include`, the park a company is in now, so that a form shows it).
 */
export function useParkOptions(include?: string | null): { value: string; label: string }[] {
  const locale = currentLocale();
  const me = useMe();
  const parks = useQuery({
    queryKey: ['parks', 'options', locale],
    queryFn: () => api.get<Page<Park>>('/parks?pageSize=100&sort=name'),
    staleTime: 5 * 60_000,
  });
  const seesAll = hasRole(me.data, 'network_admin', 'program_officer');
  const managed = new Set(me.data?.grants.filter((grant) => grant.role === 'park_manager').map((grant) => grant.scopeId));
  return (parks.data?.items ?? [])
    .filter((park) => seesAll || managed.has(park.id) || park.id === include)
    .map((park) => ({ value: park.id, label: pickText(park.name, locale) }));
}
