import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/calendar.js';
import { currentLocale } from '../../i18n/index.js';
import { Pager } from '../Pager.js';
import type { ListPage } from './use-list-page.js';

/** Under every list: "no results" (or what the list says when it is empty) when empty, the total ("about" when estimated), and the page links. */
export function ListFooter({
  list,
  empty,
}: {
  list: Pick<ListPage<unknown>, 'query' | 'page' | 'setPage' | 'pageSize'>;
  /** What an empty list says instead of "no results" (an empty history, nobody expected to report). */
  empty?: ReactNode;
}) {
  const { t } = useTranslation();
  const data = list.query.data;
  if (!data) return null;
  return (
    <>
      {data.items.length === 0 && <Text c="dimmed">{empty ?? t('common.noResults')}</Text>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="list-total">
          {data.totalExact === false
            ? t('common.totalAbout', { total: formatNumber(data.total, currentLocale()) })
            : t('common.total', { count: data.total })}
        </Text>
        <Pager total={data.total} pageSize={list.pageSize} page={list.page} onChange={list.setPage} />
      </Group>
    </>
  );
}
