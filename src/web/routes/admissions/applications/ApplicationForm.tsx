import { Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ApplicantApplication } from '../../../../contracts/applications.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import { pickText } from '../../../../shared/localized-text.js';
import { currentLocale } from '../../../i18n/index.js';
import { CallDates } from '../calls/CallDates.js';
import { CompanySection, ContactSection, QuestionsSection, SubmitSection } from './ApplicationFormSections.js';
import { useApplicationDraft } from './use-application-draft.js';

/**
 * The applicant's form: fixed fields, then the officer's questions in the reader's language. The draft
 * is saved as they go (and with "Save draft"); the first save starts it and keeps its secret in this
 * browser. Submitting checks everything first with the server's rules, then the server checks again.
 */
export function ApplicationForm({
  call,
  application,
  me,
  onSubmitted,
}: {
  call: PublicCall;
  application: ApplicantApplication | null;
  me: { name: string; email: string } | null;
  onSubmitted: (application: ApplicantApplication) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const draft = useApplicationDraft({ call, application, me, onSubmitted });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void draft.submit();
      }}
      data-testid="application-form"
    >
      <Stack gap="lg" maw={860}>
        <Stack gap={4}>
          <Text c="dimmed">
            <Link to="/calls/$slug" params={{ slug: call.slug }}>
              {pickText(call.title, locale)}
            </Link>
          </Text>
          <Title order={1}>{t('applications.applyTitle')}</Title>
          <CallDates call={call} />
          <Text size="sm" c="dimmed">
            {t('applications.draftExplain')}
          </Text>
        </Stack>
        <ContactSection draft={draft} />
        <CompanySection draft={draft} call={call} />
        <QuestionsSection call={call} draft={draft} />
        <SubmitSection call={call} draft={draft} me={me} />
      </Stack>
    </form>
  );
}
