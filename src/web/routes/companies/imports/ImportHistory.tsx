import { Anchor, Badge, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CompanyImportSummary, companyImportStatuses } from '../../../../contracts/company-imports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { LocalInstant } from '../../../components/LocalDate.js';
import { ListToolbar } from '../../../components/lists/ListControls.js';
import { ListFooter } from '../../../components/lists/ListFooter.js';
import { useListPage } from '../../../components/lists/use-list-page.js';
import { currentLocale } from '../../../i18n/index.js';
import { importStatusColor } from './import-status.js';

function ImportRow({ item, current, onOpen }: { item: CompanyImportSummary; current: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const n = (value: number) => formatNumber(value, currentLocale());
  return (
    <Table.Tr bg={current ? 'var(--mantine-color-teal-light)' : undefined}>
      <Table.Td>
        <LocalInstant instant={item.createdAt} />
      </Table.Td>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          style={{ textAlign: 'start' }}
          onClick={() => onOpen(item.id)}
          aria-label={`${t('import.open')} ${item.fileName}`}
        >
          {item.fileName}
        </Anchor>
      </Table.Td>
      <Table.Td>{item.park?.name ?? '—'}</Table.Td>
      <Table.Td>{item.createdBy?.name ?? '—'}</Table.Td>
      <Table.Td miw={150}>
        <Badge color={importStatusColor[item.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`import.status.${item.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="end">{n(item.totalRows)}</Table.Td>
      <Table.Td ta="end">{n(item.importedRows)}</Table.Td>
      <Table.Td ta="end">{n(item.invalidRows)}</Table.Td>
    </Table.Tr>
  );
}

/** Past imports (one's own; every import for network admins), newest first, each one can be opened again. */
export function ImportHistory({ current, onOpen }: { current?: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useListPage<CompanyImportSummary>({
    path: '/companies/imports',
    defaults: { status: '', sort: 'createdAt', order: 'desc' },
    pageSize: 10,
  });

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('import.past')}
          </Title>
          <ListToolbar
            list={list}
            search={false}
            filters={[
              {
                name: 'status',
                label: t('import.statusFilter'),
                options: companyImportStatuses.map((value) => ({ value, label: t(`import.status.${value}`) })),
              },
            ]}
          />
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.sentAt')}</Table.Th>
                <Table.Th>{t('import.fileName')}</Table.Th>
                <Table.Th>{t('import.field.park')}</Table.Th>
                <Table.Th>{t('import.by')}</Table.Th>
                <Table.Th>{t('import.statusFilter')}</Table.Th>
                <Table.Th ta="end">{t('import.rows')}</Table.Th>
                <Table.Th ta="end">{t('import.imported')}</Table.Th>
                <Table.Th ta="end">{t('import.withProblems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.query.data?.items.map((item) => (
                <ImportRow key={item.id} item={item} current={item.id === current} onOpen={onOpen} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListFooter list={list} empty={t('import.noImports')} />
      </Stack>
    </Card>
  );
}
