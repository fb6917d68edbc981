import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../contracts/people.js';
import { ListToolbar } from '../../components/lists/ListControls.js';
import { useListPage } from '../../components/lists/use-list-page.js';

export const invitationStatuses = ['pending', 'accepted', 'expired', 'revoked'] as const;

/** The invitations sent, newest first, their filters in the URL. */
export function useInvitationList() {
  return useListPage<Invitation>({ path: '/invitations', defaults: { status: '', sort: 'createdAt', order: 'desc' }, pageSize: 20 });
}

/** Above the invitations: search, status, the sort and the exports. */
export function InvitationFilters({ list }: { list: ReturnType<typeof useInvitationList> }) {
  const { t } = useTranslation();
  return (
    <ListToolbar
      list={list}
      filters={[
        {
          name: 'status',
          label: t('people.status'),
          options: invitationStatuses.map((value) => ({ value, label: t(`invitations.status.${value}`) })),
        },
      ]}
      sort={[
        { value: 'createdAt', label: t('people.createdAt') },
        { value: 'email', label: t('auth.email') },
        { value: 'name', label: t('auth.fullName') },
      ]}
    />
  );
}
