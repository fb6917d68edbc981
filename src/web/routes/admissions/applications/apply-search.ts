import { present, type Search, searchUuid } from '../../../search-params.js';

/**
 * `?application=<id>`: the apply page shows that application (from "My applications"). Apart from the page, so
 * that the route (defined up front) does not load the page's code.
 */
export function applySearchSchema(search: Search): { application?: string } {
  return present({ application: searchUuid(search.application) });
}
