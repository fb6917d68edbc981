import { IconFileDescription, IconSettings, IconSpeakerphone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MyApplication } from '../../../../contracts/applications.js';
import type { Page } from '../../../../contracts/lists.js';
import type { Role } from '../../../../contracts/roles.js';
import { api } from '../../../api.js';
import { MenuLink, type NavLinksProps } from '../../../navigation.js';
import { hasRole, useMe } from '../../../session.js';

const staffRoles: Role[] = ['network_admin', 'park_manager', 'program_officer', 'committee_member', 'partner_staff', 'merchant'];

/**
 * Menu entries for calls: the public calls for everyone; "My applications" for signed-in people
 * (always for those without a staff role, for staff only when they did apply); the calls'
 * administration for program officers, network admins and park managers (read-only for the latter).
 */
export function CallNavLinks({ pathname, onNavigate }: NavLinksProps) {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = hasRole(me.data, ...staffRoles);
  const staffApplications = useQuery({
    queryKey: ['my-applications', 'menu', me.data?.user.id],
    queryFn: () => api.get<Page<MyApplication>>('/my/applications?pageSize=1'),
    enabled: Boolean(me.data) && isStaff,
    staleTime: 5 * 60_000,
  });
  const showMine = Boolean(me.data) && (!isStaff || (staffApplications.data?.total ?? 0) > 0);
  const entry = (to: string, label: string, icon: React.ReactNode, active: boolean) => (
    <MenuLink key={to} to={to} label={label} icon={icon} active={active} onNavigate={onNavigate} />
  );
  return (
    <>
      {entry('/calls', t('calls.nav.public'), <IconSpeakerphone size={18} />, pathname === '/calls' || pathname.startsWith('/calls/'))}
      {showMine &&
        entry('/my/applications', t('applications.nav.mine'), <IconFileDescription size={18} />, pathname === '/my/applications')}
      {hasRole(me.data, 'network_admin', 'program_officer', 'park_manager') &&
        entry(
          '/admin/calls',
          t('calls.nav.admin'),
          <IconSettings size={18} />,
          pathname.startsWith('/admin/calls') || pathname.startsWith('/admin/applications'),
        )}
    </>
  );
}
