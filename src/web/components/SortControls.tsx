import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The "sort by" and "order" choices every list offers (SPEC §6), side by side in the list's filter row.
 * `fields` are the sorts the list's contract accepts, with their labels in the reader's language.
 */
export function SortControls({
  fields,
  sort,
  order,
  onSort,
  onOrder,
}: {
  fields: { value: string; label: string }[];
  sort: string;
  order: string;
  onSort: (value: string) => void;
  onOrder: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Select label={t('common.sortBy')} allowDeselect={false} data={fields} value={sort} onChange={(value) => value && onSort(value)} />
      <Select
        label={t('common.order')}
        allowDeselect={false}
        data={[
          { value: 'asc', label: t('common.ascending') },
          { value: 'desc', label: t('common.descending') },
        ]}
        value={order}
        onChange={(value) => value && onOrder(value)}
      />
    </>
  );
}
