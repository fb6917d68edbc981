import { IconReportAnalytics } from '@tabler/icons-react';
import { createRoute } from '@tanstack/react-router';
import { defineWebModule } from '../../navigation.js';
import { rootRoute } from '../../root-route.js';
import { CompanyImportPage, companyImportSearchSchema } from './imports/CompanyImportPage.js';
import { CompaniesPage } from './profile/CompaniesPage.js';
import { CompanyNavLinks } from './profile/CompanyNavLinks.js';
import { CompanyPage, companySearchSchema } from './profile/CompanyPage.js';
import { NewCompanyPage } from './profile/NewCompanyPage.js';
import { ReportingStatusPage } from './reports/ReportingStatusPage.js';

/** Companies: the list, each company's page (profile, history, members, reports), reporting status, import. */
export const companiesWeb = defineWebModule({
  routes: [
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/reporting',
      staticData: { title: 'title.reporting' },
      component: ReportingStatusPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies',
      staticData: { title: 'title.companies' },
      component: CompaniesPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/new',
      staticData: { title: 'title.newCompany' },
      component: NewCompanyPage,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/import',
      staticData: { title: 'title.companyImport' },
      component: CompanyImportPage,
      validateSearch: companyImportSearchSchema,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/companies/$companyId',
      staticData: { title: 'title.company' },
      component: CompanyPage,
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
