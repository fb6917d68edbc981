import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MenuLink, type NavLinksProps } from '../../navigation.js';
import { useMe } from '../../session.js';

/** One menu entry per park the reader manages. */
export function ManagedParkLinks({ pathname, onNavigate }: NavLinksProps) {
  const { t } = useTranslation();
  const me = useMe();
  const managed = me.data?.grants.filter((grant) => grant.role === 'park_manager' && grant.scopeId) ?? [];
  return managed.map((grant) => (
    <MenuLink
      key={grant.id}
      to={`/parks/${grant.scopeId}`}
      label={grant.scopeName ?? t('nav.myPark')}
      icon={<IconBuildingCommunity size={18} />}
      active={pathname === `/parks/${grant.scopeId}`}
      onNavigate={onNavigate}
    />
  ));
}
