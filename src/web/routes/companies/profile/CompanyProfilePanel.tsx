import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyDetail } from '../../../../contracts/companies.js';
import { Bdi } from '../../../components/Bdi.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { LogoEditor } from './LogoEditor.js';

/** A labelled value; numbers and codes keep their left-to-right order inside Arabic text, at the reading start. */
function Field({ label, children, ltr = false }: { label: string; children: ReactNode; ltr?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{empty ? '—' : ltr ? <Bdi ltr>{children}</Bdi> : children}</Text>
    </div>
  );
}

type Person = { name: string; role: string; email?: string; phone?: string };

function People({ title, people }: { title: string; people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {title}
      </Title>
      {people.length === 0 && <Text c="dimmed">{t('companies.none')}</Text>}
      {people.map((person, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: people of a company have no id of their own.
        <Stack key={index} gap={0} mt="xs">
          <Text fw={600}>{person.name}</Text>
          {person.role && <Text size="sm">{person.role}</Text>}
          {person.email && (
            <Text size="sm">
              <Anchor href={`mailto:${person.email}`} inherit dir="ltr" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
                {person.email}
              </Anchor>
            </Text>
          )}
          {person.phone && (
            <Text size="sm">
              <Bdi ltr>{person.phone}</Bdi>
            </Text>
          )}
        </Stack>
      ))}
    </Card>
  );
}

/** The profile of a company: who it is, its Moroccan identifiers, how to reach it, its founders and contacts. */
export function CompanyProfilePanel({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const rc = company.rcNumber ? (
    <>
      <Bdi ltr>{company.rcNumber}</Bdi>
      {company.rcCourt ? ` · ${company.rcCourt}` : ''}
    </>
  ) : null;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack>
          {company.description && <Text style={{ whiteSpace: 'pre-line' }}>{company.description}</Text>}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('companies.section.identity')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
              <Field label={t('companies.legalName')}>{company.legalName}</Field>
              <Field label={t('companies.legalForm')}>{company.legalForm && t(`legalForm.${company.legalForm}`)}</Field>
              <Field label={t('companies.stage')}>{t(`companyStage.${company.stage}`)}</Field>
              <Field label={t('companies.creationDate')}>{company.creationDate && <LocalDate date={company.creationDate} />}</Field>
              <Field label={t('companies.park')}>{company.parkName}</Field>
            </SimpleGrid>
            {company.sectors.length > 0 && (
              <Group gap={4} mt="sm">
                {company.sectors.map((sector) => (
                  <Badge key={sector} variant="outline" color="gray">
                    {t(`sector.${sector}`)}
                  </Badge>
                ))}
              </Group>
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('companies.section.identifiers')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
              <Field label={t('companies.ice')} ltr>
                {company.ice}
              </Field>
              <Field label={t('companies.rc')}>{rc}</Field>
              <Field label={t('companies.ifNumber')} ltr>
                {company.ifNumber}
              </Field>
              <Field label={t('companies.patente')} ltr>
                {company.patente}
              </Field>
              <Field label={t('companies.cnss')} ltr>
                {company.cnss}
              </Field>
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('companies.section.contactDetails')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Field label={t('companies.website')}>
                {company.website && (
                  <Anchor
                    href={company.website}
                    target="_blank"
                    rel="noopener noreferrer"
                    dir="ltr"
                    style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}
                  >
                    {company.website}
                  </Anchor>
                )}
              </Field>
              <Field label={t('companies.email')}>
                {company.email && (
                  <Anchor href={`mailto:${company.email}`} dir="ltr" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
                    {company.email}
                  </Anchor>
                )}
              </Field>
              <Field label={t('companies.phone')} ltr>
                {company.phone}
              </Field>
              <Field label={t('companies.address')}>{company.address || null}</Field>
            </SimpleGrid>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack>
          {company.rights.editProfile && <LogoEditor company={company} />}
          <People title={t('companies.founders')} people={company.founders} />
          <People title={t('companies.contacts')} people={company.contacts} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
