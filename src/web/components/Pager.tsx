import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page links for a list, with names for the arrow buttons. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(total / pageSize)}
      value={page}
      onChange={onChange}
      aria-label={t('common.pagination')}
      getControlProps={(control) => ({ 'aria-label': t(`common.page.${control}`) })}
      getItemProps={(item) => ({ 'aria-label': t('common.pageNumber', { page: item }) })}
    />
  );
}
