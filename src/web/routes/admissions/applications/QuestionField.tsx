import {
  ActionIcon,
  Button,
  Checkbox,
  FileButton,
  Group,
  Input,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconDownload, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../contracts/admissions.js';
import type { ApplicationFile } from '../../../../contracts/applications.js';
import { defaultMaxLength, maxFilesPerQuestion } from '../../../../shared/application-answers.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { pickText } from '../../../../shared/localized-text.js';
import { currentLocale } from '../../../i18n/index.js';
import type { ApplicationValues } from './application-form-values.js';
import { warningProps } from './field-warning.js';

type Form = UseFormReturnType<ApplicationValues>;

/** File types the server accepts (it checks the content, not the name): PDF, images, Office documents. */
const acceptedFiles =
  '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,application/pdf,image/png,image/jpeg,image/webp,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.oasis.opendocument.text';
export const maxFileBytes = 5 * 1024 * 1024;

function FileAnswer({
  question,
  files,
  error,
  disabled,
  onUpload,
  onRemove,
  onDownload,
}: {
  question: Question;
  files: ApplicationFile[];
  error?: string;
  disabled: boolean;
  onUpload: (file: File) => Promise<void>;
  onRemove: (file: ApplicationFile) => Promise<void>;
  onDownload: (file: ApplicationFile) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [busy, setBusy] = useState(false);
  const mine = files.filter((file) => file.questionId === question.id);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      await onUpload(file);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Input.Wrapper
      label={pickText(question.label, locale)}
      description={question.help ? pickText(question.help, locale) : t('applications.fileHelp')}
      withAsterisk={question.required}
      error={error}
      id={`question-${question.id}`}
    >
      <Stack gap={6} mt={6}>
        {mine.map((file) => (
          <Group key={file.id} gap="xs" wrap="nowrap" data-testid="uploaded-file">
            <IconPaperclip size={16} aria-hidden />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.name}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatNumber(Math.max(1, Math.round(file.size / 1024)), locale)} KB
            </Text>
            <ActionIcon variant="subtle" onClick={() => onDownload(file)} aria-label={t('applications.download', { name: file.name })}>
              <IconDownload size={16} />
            </ActionIcon>
            {!disabled && (
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => onRemove(file)}
                aria-label={t('applications.removeFile', { name: file.name })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!disabled && mine.length < maxFilesPerQuestion && (
          <FileButton onChange={upload} accept={acceptedFiles}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={busy}
                data-testid={`upload-${question.id}`}
              >
                {t('applications.chooseFile')}
              </Button>
            )}
          </FileButton>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** A long answer with its count of characters against the question's limit. */
function LongTextAnswer({
  question,
  form,
  common,
  description,
  input,
}: {
  question: Question;
  form: Form;
  common: Record<string, unknown>;
  description?: string;
  input: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const max = question.maxLength ?? defaultMaxLength.long_text;
  const length = String(form.getValues().answers[question.id] ?? '').length;
  return (
    <Textarea
      {...common}
      autosize
      minRows={4}
      maxRows={14}
      maxLength={max}
      {...input}
      descriptionProps={{ component: 'div' }}
      description={
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <span>{description}</span>
          <span style={{ whiteSpace: 'nowrap' }}>
            {t('applications.characters', { count: formatNumber(length, locale), max: formatNumber(max, locale) })}
          </span>
        </Group>
      }
    />
  );
}

/** One of the officer's questions, drawn for its kind in the reader's language. */
export function QuestionField({
  question,
  form,
  warning,
  files,
  disabled,
  onUpload,
  onRemove,
  onDownload,
}: {
  question: Question;
  form: Form;
  /** What the answer breaks of the question's rules, said as a warning (the draft keeps it). */
  warning?: string;
  files: ApplicationFile[];
  disabled: boolean;
  onUpload: (question: Question, file: File) => Promise<void>;
  onRemove: (file: ApplicationFile) => Promise<void>;
  onDownload: (file: ApplicationFile) => void;
}) {
  const locale = currentLocale();
  const path = `answers.${question.id}`;
  const label = pickText(question.label, locale);
  const description = question.help ? pickText(question.help, locale) : undefined;
  const common = { label, description, withAsterisk: question.required, disabled, id: `question-${question.id}` };
  const options = (question.options ?? []).map((option) => ({ value: option.value, label: pickText(option.label, locale) }));
  const input = { ...form.getInputProps(path), ...warningProps(form.errors[path], warning) };

  switch (question.kind) {
    case 'short_text':
      return <TextInput {...common} maxLength={question.maxLength ?? defaultMaxLength.short_text} {...input} />;
    case 'long_text':
      return <LongTextAnswer question={question} form={form} common={common} description={description} input={input} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          min={question.min}
          max={question.max}
          allowDecimal
          dir="ltr"
          styles={{ input: { textAlign: locale === 'ar' ? 'right' : 'left' } }}
          {...input}
        />
      );
    case 'choice':
      return options.length <= 5 ? (
        <Radio.Group {...common} {...input} value={String(form.getValues().answers[question.id] ?? '')}>
          <Stack gap={6} mt={6}>
            {options.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Select {...common} data={options} clearable {...input} />
      );
    case 'multi_choice':
      return (
        <Checkbox.Group {...common} {...input}>
          <Stack gap={6} mt={6}>
            {options.map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} disabled={disabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'file':
      return (
        <FileAnswer
          question={question}
          files={files}
          error={form.errors[path] as string | undefined}
          disabled={disabled}
          onUpload={(file) => onUpload(question, file)}
          onRemove={onRemove}
          onDownload={onDownload}
        />
      );
  }
}
