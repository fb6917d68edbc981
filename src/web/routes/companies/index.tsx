import { IconReportAnalytics } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { companyImportSearchSchema } from './imports/import-search.js';
import { CompanyNavLinks } from './profile/CompanyNavLinks.js';
import { companySearchSchema } from './profile/company-search.js';

/** Companies: the list, each company's page (profile, history, members, reports), reporting status, import. */
export const companiesWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/reporting',
      staticData: { title: 'title.reporting' },
      component: lazyPage(() => import('./reports/ReportingStatusPage.js'), 'ReportingStatusPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies',
      staticData: { title: 'title.companies' },
      component: lazyPage(() => import('./profile/CompaniesPage.js'), 'CompaniesPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/new',
      staticData: { title: 'title.newCompany' },
      component: lazyPage(() => import('./profile/NewCompanyPage.js'), 'NewCompanyPage'),
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/import',
      staticData: { title: 'title.companyImport' },
      component: lazyPage(() => import('./imports/CompanyImportPage.js'), 'CompanyImportPage'),
      validateSearch: companyImportSearchSchema,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/$companyId',
      staticData: { title: 'title.company' },
      component: lazyPage(() => import('./profile/CompanyPage.js'), 'CompanyPage'),
      validateSearch: companySearchSchema,
    }),
  ],
  navigation: [
    { order: 20, component: CompanyNavLinks },
    {
      order: 30,
      to: '/companies/reporting',
      label: 'reports.nav',
      icon: IconReportAnalytics,
      roles: ['network_admin', 'park_manager'],
    },
  ],
});
