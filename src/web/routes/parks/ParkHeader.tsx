import { Badge, Button, Group, Text, Title } from '@mantine/core';
import { IconFileImport, IconPencil } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { Bdi } from '../../components/Bdi.js';
import { currentLocale } from '../../i18n/index.js';
import { parkStatusColor } from './park-status.js';

/** The park's name, place and status; its managers' way into the park form. */
export function ParkHeader({ park, onEdit }: { park: ParkDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1}>
          <Bdi>{pickText(park.name, locale)}</Bdi>
        </Title>
        <Group gap="xs">
          <Text c="dimmed">
            {pickText(park.city, locale)} · {t(`region.${park.region}`)}
          </Text>
          <Badge variant="light" color={parkStatusColor(park.status)}>
            {t(`parkStatus.${park.status}`)}
          </Badge>
        </Group>
      </div>
      {park.canManage && (
        <Group gap="xs">
          <Button
            component={Link}
            to={`/parks/${park.slug}/import-spaces`}
            leftSection={<IconFileImport size={16} />}
            variant="default"
            data-testid="import-spaces"
          >
            {t('spaceImport.open')}
          </Button>
          <Button leftSection={<IconPencil size={16} />} variant="light" onClick={onEdit} data-testid="edit-park">
            {t('park.edit')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
