import { ActionIcon, Badge, Group, Table } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Space } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { currentLocale } from '../../i18n/index.js';

/** One space of the table; with `actions` (the park's managers) its edit and delete buttons. */
export function SpaceRow({ space, actions }: { space: Space; actions?: { onEdit: () => void; onDelete: () => void } }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.Tr data-testid="space-row">
      <Table.Td>{space.code}</Table.Td>
      <Table.Td>
        {space.name} {!space.active && <Badge color="gray">{t('space.inactive')}</Badge>}
      </Table.Td>
      <Table.Td>{t(`spaceKind.${space.kind}`)}</Table.Td>
      <Table.Td>
        {space.buildingName} · {space.floorName}
      </Table.Td>
      <Table.Td>{formatNumber(space.areaM2, locale)} m²</Table.Td>
      <Table.Td>
        {space.kind === 'office' || space.kind === 'coworking_desk'
          ? t('space.desksCount', { count: space.desks })
          : t('space.seatsCount', { count: space.seats })}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {space.leasable && <Badge variant="light">{t('space.leasable')}</Badge>}
          {space.bookable && (
            <Badge variant="light" color="grape">
              {t('space.bookable')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      {actions && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t('space.editNamed', { code: space.code })} onClick={actions.onEdit}>
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('space.deleteNamed', { code: space.code })} onClick={actions.onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
