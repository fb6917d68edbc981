import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Pager } from '../Pager.js';
import type { ListPage } from './use-list-page.js';

/** Under every list: "no results" (or the list's own words for it) when empty, the total, and the page links. */
export function ListFooter({ list, empty }: { list: Pick<ListPage<unknown>, 'query' | 'page' | 'setPage' | 'pageSize'>; empty?: string }) {
  const { t } = useTranslation();
  const data = list.query.data;
  if (!data) return null;
  return (
    <>
      {data.items.length === 0 && <Text c="dimmed">{empty ?? t('common.noResults')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('common.total', { count: data.total })}
        </Text>
        <Pager total={data.total} pageSize={list.pageSize} page={list.page} onChange={list.setPage} />
      </Group>
    </>
  );
}
