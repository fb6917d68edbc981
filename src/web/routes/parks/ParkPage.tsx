import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { pickText } from '../../../shared/localized-text.js';
import { ApiError, api } from '../../api.js';
import { LocalDate } from '../../components/LocalDate.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { currentLocale } from '../../i18n/index.js';
import { hasRole, useMe } from '../../session.js';
import { BuildingsPanel } from './BuildingsPanel.js';
import { ParkForm } from './ParkForm.js';
import { SpacesTable } from './SpacesTable.js';

export function ParkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { park: reference } = useParams({ from: '/parks/$park' });
  const me = useMe();
  const [editing, edit] = useDisclosure(false);
  const park = useQuery({
    queryKey: ['park', reference, locale, me.data?.user.id],
    queryFn: () => api.get<ParkDetail>(`/parks/${reference}`),
  });

  if (park.error instanceof ApiError && park.error.status === 404) return <NotFoundPage />;
  if (!park.data) return <Loader aria-label={t('common.loading')} />;
  const data = park.data;
  const stat = (label: string, value: string) => (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{pickText(data.name, locale)}</Title>
          <Group gap="xs">
            <Text c="dimmed">
              {pickText(data.city, locale)} · {t(`region.${data.region}`)}
            </Text>
            <Badge variant="light" color={data.status === 'open' ? 'teal' : data.status === 'planned' ? 'violet' : 'orange'}>
              {t(`parkStatus.${data.status}`)}
            </Badge>
          </Group>
        </div>
        {data.canManage && (
          <Button leftSection={<IconPencil size={16} />} variant="light" onClick={edit.open} data-testid="edit-park">
            {t('park.edit')}
          </Button>
        )}
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {stat(t('park.stats.spaces'), formatNumber(data.stats.spaceCount, locale))}
        {stat(t('park.stats.leasableArea'), `${formatNumber(data.stats.leasableAreaM2, locale, { maximumFractionDigits: 0 })} m²`)}
        {stat(t('park.stats.offices'), formatNumber(data.stats.officeCount, locale))}
        {stat(t('park.capacityCompanies'), data.capacityCompanies === null ? '—' : formatNumber(data.capacityCompanies, locale))}
      </SimpleGrid>

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {data.description && <Text>{pickText(data.description, locale)}</Text>}
            <Text>
              <strong>{data.status === 'open' ? t('park.openingDate') : t('park.targetOpeningDate')}:</strong>{' '}
              <LocalDate date={data.status === 'open' ? data.openingDate : data.targetOpeningDate} />
            </Text>
            {data.address && (
              <Text>
                <strong>{t('park.address')}:</strong> {data.address}
              </Text>
            )}
            <Group gap={4}>
              {data.sectors.map((sector) => (
                <Badge key={sector} variant="outline" color="gray">
                  {t(`sector.${sector}`)}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Title order={2} size="h4">
              {t('park.contacts')}
            </Title>
            {data.contacts.length === 0 && <Text c="dimmed">—</Text>}
            {data.contacts.map((contact) => (
              <Stack key={`${contact.name}-${contact.email}`} gap={0} mt="xs">
                <Text fw={600}>{contact.name}</Text>
                {contact.role && <Text size="sm">{contact.role}</Text>}
                {contact.email && (
                  <Anchor href={`mailto:${contact.email}`} size="sm">
                    {contact.email}
                  </Anchor>
                )}
                {contact.phone && (
                  <Text size="sm" dir="ltr">
                    {contact.phone}
                  </Text>
                )}
              </Stack>
            ))}
          </Card>
        </Grid.Col>
      </Grid>

      {data.status !== 'open' && data.buildings.length === 0 && <Alert color="violet">{t('park.plannedNotice')}</Alert>}
      {(data.buildings.length > 0 || data.canManage) && <BuildingsPanel park={data} />}
      {(data.stats.spaceCount > 0 || data.canManage) && <SpacesTable park={data} />}
      {editing && <ParkForm park={data} opened={editing} onClose={edit.close} isNetworkAdmin={hasRole(me.data, 'network_admin')} />}
    </Stack>
  );
}
