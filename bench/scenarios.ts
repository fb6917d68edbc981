import type { Manifest } from './generator/network.js';

/** A page the bench asks for: its path on the app, and whether it needs the admin's session. */
export type Scenario = { name: string; label: string; path: (manifest: Manifest) => string; signedIn: boolean };

const api = '/api/v1';

const companyPage: Scenario = { name: 'company', label: 'company page', path: (m) => `${api}/companies/${m.companyId}`, signedIn: true };
const publicCalls: Scenario = { name: 'public-calls', label: 'public calls list', path: () => `${api}/public/calls`, signedIn: false };
const ranking: Scenario = {
  name: 'ranking',
  label: 'ranking of a call',
  path: (m) => `${api}/calls/${m.rankingCallId}/ranking`,
  signedIn: true,
};
const parksList: Scenario = { name: 'parks', label: 'parks list', path: () => `${api}/parks`, signedIn: false };
const companiesDefault: Scenario = { name: 'companies', label: 'companies list, default', path: () => `${api}/companies`, signedIn: true };
const companiesFiltered: Scenario = {
  name: 'companies-filtered',
  label: 'companies list, filtered + sorted',
  path: () => `${api}/companies?status=resident&sort=statusDate&order=desc`,
  signedIn: true,
};
const reportingStatus: Scenario = {
  name: 'reporting-status',
  label: 'reporting status',
  path: (m) => `${api}/company-reports/status?year=${m.reportingYear}`,
  signedIn: true,
};

/** (a) app ÷ bare server running the same statements. */
export const pairScenarios = [companyPage, publicCalls, ranking, parksList, companiesDefault, companiesFiltered];
/** (b) the same page at 10× ÷ at 1×. */
export const growthScenarios = [companiesDefault, companiesFiltered, reportingStatus];

/** (c) every company, exported; (d) the reporting status, exported. */
export const companiesExport = (format: 'csv' | 'xlsx') => `${api}/companies/export?format=${format}`;
export const reportingStatusExport = (manifest: Manifest) =>
  `${api}/company-reports/status/export?format=csv&year=${manifest.reportingYear}`;
export const healthPath = '/api/health';

/** The origin the app expects on a sign-in (its PUBLIC_URL when none is set). */
export const appOrigin = 'http://localhost:3000';
