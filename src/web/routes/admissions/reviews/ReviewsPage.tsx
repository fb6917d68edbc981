import { Anchor, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type AssignedApplication, memberReviewStatuses } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import { Bdi } from '../../../components/Bdi.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { type ListPage, useListPage } from '../../../components/lists/use-list-page.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';
import { ReviewMemberStatusBadge } from './ReviewBadges.js';

/** The list opens on the files still to score; "all" shows every assigned file whatever the member did. */
const defaults = { myStatus: 'to_score', sort: 'assignedAt', order: 'asc' };
const allStatuses = 'all';
type ReviewsList = ListPage<AssignedApplication, typeof defaults>;

/** A committee member's work list: the applications assigned to them across calls, and where they stand. */
export function ReviewsPage() {
  return (
    <RequireRole roles={['committee_member']}>
      <AssignedApplications />
    </RequireRole>
  );
}

function ReviewFilters({ list }: { list: ReviewsList }) {
  const { t } = useTranslation();
  const { filters, setFilter } = list;
  return (
    <ListToolbar
      list={list}
      sort={['assignedAt', 'reference', 'companyName', 'call'].map((value) => ({ value, label: t(`reviews.mine.sort.${value}`) }))}
    >
      <Select
        label={t('reviews.myStatus')}
        allowDeselect={false}
        data={[
          { value: allStatuses, label: t('reviews.mine.allStatuses') },
          ...memberReviewStatuses.map((value) => ({ value, label: t(`reviews.memberStatus.${value}`) })),
        ]}
        value={filters.myStatus}
        onChange={setFilter('myStatus')}
        data-testid="my-status-filter"
      />
    </ListToolbar>
  );
}

const reference = (item: AssignedApplication) => (
  <Anchor component={Link} to={`/reviews/${item.applicationId}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
    <Bdi ltr>{item.reference}</Bdi>
  </Anchor>
);

function ReviewsTable({ items }: { items: AssignedApplication[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table striped highlightOnHover visibleFrom="sm" data-testid="my-reviews">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reviews.reference')}</Table.Th>
          <Table.Th>{t('reviews.call')}</Table.Th>
          <Table.Th>{t('reviews.company')}</Table.Th>
          <Table.Th>{t('reviews.sector')}</Table.Th>
          <Table.Th>{t('reviews.myStatus')}</Table.Th>
          <Table.Th>{t('reviews.assignedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.applicationId}>
            <Table.Td>{reference(item)}</Table.Td>
            <Table.Td>
              <Bdi>{pickText(item.callTitle, locale)}</Bdi>
            </Table.Td>
            <Table.Td>
              <Bdi>{item.companyName}</Bdi>
            </Table.Td>
            <Table.Td>{item.sector ? t(`sector.${item.sector}`) : '—'}</Table.Td>
            <Table.Td>
              <ReviewMemberStatusBadge status={item.myStatus} />
            </Table.Td>
            <Table.Td>
              <LocalInstant instant={item.assignedAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** On a phone, one card per file: a table would scroll sideways. */
function ReviewCards({ items }: { items: AssignedApplication[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack hiddenFrom="sm" gap="xs">
      {items.map((item) => (
        <Card key={item.applicationId} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            {reference(item)}
            <ReviewMemberStatusBadge status={item.myStatus} />
          </Group>
          <Text fw={600}>
            <Bdi>{item.companyName}</Bdi>
          </Text>
          <Text size="sm" c="dimmed">
            <Bdi>{pickText(item.callTitle, locale)}</Bdi>
            {item.sector ? ` · ${t(`sector.${item.sector}`)}` : ''}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function AssignedApplications() {
  const { t } = useTranslation();
  const list = useListPage<AssignedApplication, typeof defaults>({
    path: '/reviews',
    defaults,
    pageSize: 20,
    apiQuery: ({ myStatus, ...rest }) => ({ ...rest, myStatus: myStatus === allStatuses ? undefined : myStatus }),
  });
  const items = list.query.data?.items ?? [];
  return (
    <Stack>
      <div>
        <Title order={1}>{t('reviews.mine.title')}</Title>
        <Text c="dimmed">{t('reviews.mine.intro')}</Text>
      </div>
      <ReviewFilters list={list} />
      <ReviewsTable items={items} />
      <ReviewCards items={items} />
      <ListFooter list={list} empty={t('reviews.mine.empty')} />
    </Stack>
  );
}
