import { IconBriefcase, IconBuildingSkyscraper } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MenuLink, type NavLinksProps } from '../../../navigation.js';
import { hasRole, useMe } from '../../../session.js';

const companyPage = /^\/companies\/[0-9a-f]{8}-[0-9a-f-]{27}$/;

/**
 * Menu entries for companies: the list for park staff and program officers, and "My company" for the
 * people of a company (one entry per company, named, when they belong to several).
 */
export function CompanyNavLinks({ pathname, onNavigate }: NavLinksProps) {
  const { t } = useTranslation();
  const me = useMe();
  const companies = new Map<string, string | null>();
  for (const grant of me.data?.grants ?? []) {
    if ((grant.role === 'company_admin' || grant.role === 'company_member') && grant.scopeId) companies.set(grant.scopeId, grant.scopeName);
  }
  const entry = (to: string, label: string, icon: React.ReactNode, active: boolean) => (
    <MenuLink key={to} to={to} label={label} icon={icon} active={active} onNavigate={onNavigate} />
  );
  return (
    <>
      {hasRole(me.data, 'network_admin', 'park_manager', 'program_officer') &&
        entry(
          '/companies',
          t('companies.nav.list'),
          <IconBuildingSkyscraper size={18} />,
          pathname === '/companies' ||
            pathname === '/companies/new' ||
            (companyPage.test(pathname) && !companies.has(pathname.split('/')[2])),
        )}
      {[...companies].map(([id, name]) =>
        entry(
          `/companies/${id}`,
          companies.size === 1 ? t('companies.nav.mine') : (name ?? t('companies.nav.mine')),
          <IconBriefcase size={18} />,
          pathname === `/companies/${id}`,
        ),
      )}
    </>
  );
}
