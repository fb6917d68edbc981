import { present, type Search, searchUuid } from '../../../search-params.js';

/**
 * The import being looked at is in the address, so that a reload or a shared link keeps it; so are the filters
 * and pages of the lists on the page (past imports, the import's problems), which are therefore kept. Apart from
 * the page, so that the route (defined up front) does not load the page's code.
 */
export function companyImportSearchSchema(search: Search): Search & { id?: string } {
  return present({ ...search, id: searchUuid(search.id) });
}
