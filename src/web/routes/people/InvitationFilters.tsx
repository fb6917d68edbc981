import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../contracts/people.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { useListPage } from '../../components/lists/use-list-page.js';
import { SortControls } from '../../components/SortControls.js';

export const invitationStatuses = ['pending', 'accepted', 'expired', 'revoked'] as const;

/** The invitations sent, newest first, their filters in the URL. */
export function useInvitationList() {
  return useListPage<Invitation>({ path: '/invitations', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
}

/** Above the invitations: search, status, the sort and the exports. */
export function InvitationFilters({ list }: { list: ReturnType<typeof useInvitationList> }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm">
      <TextInput label={t('common.search')} value={list.search} onChange={(event) => list.setSearch(event.currentTarget.value)} />
      <Select
        label={t('people.status')}
        clearable
        data={invitationStatuses.map((value) => ({ value, label: t(`invitations.status.${value}`) }))}
        value={list.filters.status || null}
        onChange={list.setFilter('status')}
      />
      <SortControls
        fields={[
          { value: 'createdAt', label: t('people.createdAt') },
          { value: 'email', label: t('auth.email') },
          { value: 'name', label: t('auth.fullName') },
        ]}
        sort={list.filters.sort}
        order={list.filters.order}
        onSort={list.setFilter('sort')}
        onOrder={list.setFilter('order')}
      />
      <ExportButtons path={list.exportPath} filters={list.apiFilters} />
    </Group>
  );
}
