import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../contracts/lists.js';
import { api, toQuery } from '../../api.js';
import { i18n } from '../../i18n/index.js';

type QueryValue = string | number | boolean | undefined | null;
type Filters = Record<string, string>;

export type ListPageOptions<Item, Defaults extends Filters = Filters> = {
  /** The API path of the list; its export answers at `${path}/export` with the same query. */
  path: string;
  /** Every filter of the list with its value when the URL does not say (sort and order included). */
  defaults: Defaults;
  pageSize?: number;
  /** Prefix of the list's URL parameters, when a page shows more than one list. */
  prefix?: string;
  /** The API query for the filters on screen, when it is not the filters themselves. */
  apiQuery?: (filters: Defaults & { q: string }) => Record<string, QueryValue>;
  /** Fetches a page (default: the API client), for lists read with other headers. */
  fetchPage?: (pathWithQuery: string) => Promise<Page<Item>>;
  enabled?: boolean;
};

export type ListPage<Item, Defaults extends Filters = Filters> = {
  filters: Defaults;
  /** A filter's change handler (for a Select's onChange): back to page 1, the URL keeps it. */
  setFilter: (name: keyof Defaults & string) => (value: string | null) => void;
  /** What the search box shows now; the list follows it after a short pause. */
  search: string;
  setSearch: (value: string) => void;
  page: number;
  setPage: (page: number) => void;
  pageSize: number;
  query: UseQueryResult<Page<Item>>;
  /** The API query of the filters on screen without the page, for the export buttons. */
  apiFilters: Record<string, QueryValue>;
  exportPath: string;
};

/**
 * The state of a list page, kept in the URL (a filtered list can be reloaded, shared and bookmarked): its
 * filters, sort and order, the debounced search and the page; the page of the API read with the previous
 * page kept on screen while the next one loads. `useListPage<Person>({ path: '/people', defaults: { role: '', sort: 'name', order: 'asc' } })`.
 */
export function useListPage<Item, Defaults extends Filters = Filters>(options: ListPageOptions<Item, Defaults>): ListPage<Item, Defaults> {
  const { path, defaults, prefix = '', pageSize = 25 } = options;
  const url = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const param = (name: string) => `${prefix}${name}`;
  // The router reads numbers and booleans out of the URL: a filter is text.
  const read = (name: string, fallback: string) => {
    const value = url[param(name)];
    return value === undefined || value === null ? fallback : String(value);
  };

  const filters = Object.fromEntries(Object.entries(defaults).map(([name, fallback]) => [name, read(name, fallback)])) as Defaults;
  const urlSearch = read('q', '');
  const page = Math.max(1, Number.parseInt(read('page', '1'), 10) || 1);

  const update = useCallback(
    (changes: Record<string, string | number | null>) =>
      navigate({
        to: '.',
        replace: true,
        search: ((previous: Record<string, unknown>) => {
          const next = { ...previous };
          for (const [name, value] of Object.entries(changes)) {
            const key = `${prefix}${name}`;
            const isDefault = value === null || value === '' || (name === 'page' ? value === 1 : defaults[name] === value);
            if (isDefault) delete next[key];
            else next[key] = value;
          }
          return next;
        }) as never,
      }),
    [navigate, prefix, defaults],
  );

  // The search box answers at once; the URL (and the list) follow once typing pauses.
  const [search, setSearchText] = useState(urlSearch);
  const [debounced] = useDebouncedValue(search, 300);
  const pushed = useRef(urlSearch);
  useEffect(() => {
    if (debounced !== pushed.current) {
      pushed.current = debounced;
      update({ q: debounced, page: 1 });
    }
  }, [debounced, update]);
  useEffect(() => {
    // The URL changed by other means (back, a link): the box shows it.
    if (urlSearch !== pushed.current) {
      pushed.current = urlSearch;
      setSearchText(urlSearch);
    }
  }, [urlSearch]);

  const screen = { ...filters, q: urlSearch };
  const apiFilters = options.apiQuery ? options.apiQuery(screen) : screen;
  const pathWithQuery = `${path}${toQuery({ ...apiFilters, page, pageSize })}`;
  const query = useQuery({
    // The answers are in the reader's language (names, sort order): another language is another page.
    queryKey: [path, apiFilters, page, pageSize, i18n.language],
    queryFn: () => (options.fetchPage ? options.fetchPage(pathWithQuery) : api.get<Page<Item>>(pathWithQuery)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });

  return {
    filters,
    setFilter: (name) => (value) => update({ [name]: value ?? '', page: 1 }),
    search,
    setSearch: setSearchText,
    page,
    setPage: (next) => update({ page: next }),
    pageSize,
    query,
    apiFilters,
    exportPath: `${path}/export`,
  };
}
