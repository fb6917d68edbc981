import { present, type Search, searchChoice } from '../../../search-params.js';

/** Apart from the page, so that the route (defined up front) does not load the page's code (loaded on the way to it). */
export const companyTabs = ['profile', 'history', 'members', 'reports'] as const;
export type CompanyTab = (typeof companyTabs)[number];
/**
 * The open tab is in the address, so that a link (an e-mail, a reminder) can open the right one. The lists of
 * the tabs keep their own filters and pages beside it (with their prefix), so the other parameters are kept.
 */
export function companySearchSchema(search: Search): Search & { tab?: CompanyTab } {
  return present({ ...search, tab: searchChoice(search.tab, companyTabs) });
}
