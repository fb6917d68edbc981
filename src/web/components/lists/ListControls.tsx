import { Group, Select, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../ExportButtons.js';
import { SortControls } from '../SortControls.js';
import type { ListPage } from './use-list-page.js';

type Filters = Record<string, string>;
type Option = { value: string; label: string };

/** The list's search box: answers at once, the list follows once typing pauses. */
export function ListSearch({
  list,
  label,
  ...props
}: { list: Pick<ListPage<unknown>, 'search' | 'setSearch'> } & Omit<TextInputProps, 'value' | 'onChange' | 'list'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label ?? t('common.search')}
      value={list.search}
      onChange={(event) => list.setSearch(event.currentTarget.value)}
      {...props}
    />
  );
}

/** One filter of the list as a choice (cleared: no filter). */
export function ListFilter<Defaults extends Filters>({
  list,
  name,
  label,
  options,
  searchable,
  placeholder,
}: {
  list: Pick<ListPage<unknown, Defaults>, 'filters' | 'setFilter'>;
  name: keyof Defaults & string;
  label: string;
  options: Option[];
  searchable?: boolean;
  /** What the empty choice says ("all"). */
  placeholder?: string;
}) {
  return (
    <Select
      label={label}
      placeholder={placeholder}
      clearable
      searchable={searchable}
      data={options}
      value={list.filters[name] || null}
      onChange={list.setFilter(name)}
    />
  );
}

/** The list's "sort by" and "order" choices, among the sorts its contract accepts. */
export function ListSort<Defaults extends Filters>({
  list,
  fields,
}: {
  list: Pick<ListPage<unknown, Defaults>, 'filters' | 'setFilter'>;
  fields: Option[];
}) {
  return (
    <SortControls
      fields={fields}
      sort={list.filters.sort}
      order={list.filters.order}
      onSort={list.setFilter('sort')}
      onOrder={list.setFilter('order')}
    />
  );
}

/** The list as CSV or XLSX, with the filters on screen. */
export function ListExport({ list }: { list: Pick<ListPage<unknown>, 'exportPath' | 'apiFilters'> }) {
  return <ExportButtons path={list.exportPath} filters={list.apiFilters} />;
}

/** One filter of a toolbar: a list parameter and its choices. */
export type FilterChoice<Name extends string = string> = {
  name: Name;
  label: string;
  options: Option[];
  searchable?: boolean;
  placeholder?: string;
};

/**
 * The filter bar of a list, the same on every page: the search box, the filters' choices, what the page adds
 * (`children`: a date, a toggle), the sort and the export buttons.
 */
export function ListToolbar<Defaults extends Filters>({
  list,
  search = true,
  searchPlaceholder,
  filters = [],
  sort,
  exportable = true,
  children,
}: {
  list: Pick<ListPage<unknown, Defaults>, 'search' | 'setSearch' | 'filters' | 'setFilter' | 'exportPath' | 'apiFilters'>;
  search?: boolean;
  searchPlaceholder?: string;
  filters?: (FilterChoice<keyof Defaults & string> | false)[];
  sort?: Option[];
  exportable?: boolean;
  children?: ReactNode;
}) {
  return (
    <Group align="flex-end" gap="sm">
      {search && <ListSearch list={list} placeholder={searchPlaceholder} />}
      {filters.map((filter) => filter && <ListFilter key={filter.name} list={list} {...filter} />)}
      {children}
      {sort && <ListSort list={list} fields={sort} />}
      {exportable && <ListExport list={list} />}
    </Group>
  );
}
