import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { LocalDate } from '../../components/LocalDate.js';
import { currentLocale } from '../../i18n/index.js';

/** What the park is (description, opening, address, sectors) beside whom to reach there. */
export function ParkAbout({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          {park.description && <Text>{pickText(park.description, locale)}</Text>}
          <Text>
            <strong>{park.status === 'open' ? t('park.openingDate') : t('park.targetOpeningDate')}:</strong>{' '}
            <LocalDate date={park.status === 'open' ? park.openingDate : park.targetOpeningDate} />
          </Text>
          {park.address && (
            <Text>
              <strong>{t('park.address')}:</strong> {park.address}
            </Text>
          )}
          <Group gap={4}>
            {park.sectors.map((sector) => (
              <Badge key={sector} variant="outline" color="gray">
                {t(`sector.${sector}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ParkContacts contacts={park.contacts} />
      </Grid.Col>
    </Grid>
  );
}

function ParkContacts({ contacts }: { contacts: ParkDetail['contacts'] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('park.contacts')}
      </Title>
      {contacts.length === 0 && <Text c="dimmed">—</Text>}
      {contacts.map((contact) => (
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
  );
}
