import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../contracts/admissions.js';
import type { ApplicationFile, OfficerApplication } from '../../../../contracts/applications.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { Bdi } from '../../../components/Bdi.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatList } from '../calls/call-text.js';

type Fields = Pick<
  OfficerApplication,
  | 'contactName'
  | 'contactEmail'
  | 'contactPhone'
  | 'companyName'
  | 'sector'
  | 'stage'
  | 'region'
  | 'creationDate'
  | 'ice'
  | 'requiredAreaM2'
>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** The fixed fields of an application, read-only. */
export function ApplicantFieldsView({ application }: { application: Fields }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      <Field label={t('applications.field.companyName')}>{application.companyName && <Bdi>{application.companyName}</Bdi>}</Field>
      <Field label={t('applications.field.contactName')}>{application.contactName && <Bdi>{application.contactName}</Bdi>}</Field>
      <Field label={t('applications.field.contactEmail')}>{application.contactEmail && <Bdi ltr>{application.contactEmail}</Bdi>}</Field>
      <Field label={t('applications.field.contactPhone')}>{application.contactPhone && <Bdi ltr>{application.contactPhone}</Bdi>}</Field>
      <Field label={t('applications.field.sector')}>{application.sector ? t(`sector.${application.sector}`) : ''}</Field>
      <Field label={t('applications.field.stage')}>{application.stage ? t(`companyStage.${application.stage}`) : ''}</Field>
      <Field label={t('applications.field.region')}>{application.region ? t(`region.${application.region}`) : ''}</Field>
      <Field label={t('applications.field.creationDate')}>
        {application.creationDate && <LocalDate date={application.creationDate} />}
      </Field>
      <Field label={t('applications.field.ice')}>{application.ice && <Bdi ltr>{application.ice}</Bdi>}</Field>
      {application.requiredAreaM2 !== null && (
        <Field label={t('applications.field.requiredAreaM2')}>
          {t('reviews.areaM2', { area: formatNumber(application.requiredAreaM2, locale) })}
        </Field>
      )}
    </SimpleGrid>
  );
}

function answerText(question: Question, value: unknown, locale: ReturnType<typeof currentLocale>): string {
  if (value === undefined || value === null || value === '') return '';
  const optionLabel = (chosen: unknown) => {
    const option = question.options?.find((candidate) => candidate.value === chosen);
    return option ? pickText(option.label, locale) : String(chosen);
  };
  if (question.kind === 'choice') return optionLabel(value);
  if (question.kind === 'multi_choice' && Array.isArray(value)) return formatList(value.map(optionLabel), locale);
  if (question.kind === 'number' && typeof value === 'number') return formatNumber(value, locale);
  return String(value);
}

/** The answers to the call's questions, in the reader's language, with the files to download. */
export function AnswersView({
  questions,
  answers,
  files,
  fileLink,
}: {
  questions: Question[];
  answers: Record<string, unknown>;
  files: ApplicationFile[];
  /** How a file is opened: a link for officers (their session reads it), a download for applicants. */
  fileLink: (file: ApplicationFile) => { href?: string; onClick?: () => void };
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md">
      {questions.map((question) => (
        <div key={question.id} data-testid={`answer-${question.id}`}>
          <Text size="sm" fw={700}>
            {pickText(question.label, locale)}
          </Text>
          {question.kind === 'file' ? (
            <Stack gap={2}>
              {files.filter((file) => file.questionId === question.id).length === 0 && <Text size="sm">—</Text>}
              {files
                .filter((file) => file.questionId === question.id)
                .map((file) => {
                  const link = fileLink(file);
                  return (
                    <Group key={file.id} gap={6} wrap="nowrap">
                      <IconPaperclip size={14} aria-hidden />
                      <Anchor size="sm" href={link.href} onClick={link.onClick} download={file.name} style={{ overflowWrap: 'anywhere' }}>
                        {file.name}
                      </Anchor>
                    </Group>
                  );
                })}
            </Stack>
          ) : (
            // Typed in the applicant's language: a French answer in an Arabic page keeps its full stop on the right.
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              <Bdi>{answerText(question, answers[question.id], locale) || t('applications.notAnswered')}</Bdi>
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
