import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { questionKinds } from '../../../../contracts/admissions.js';
import type { CallSettingsValues, QuestionValues } from './call-settings-values.js';
import { emptyOption, emptyQuestion } from './call-settings-values.js';

type Form = UseFormReturnType<CallSettingsValues>;
const languages = ['fr', 'ar', 'en'] as const;

/** Three inputs for a text in French (required), Arabic and English, each written in its own direction. */
export function LocalizedInputs({ form, path, label, required = false }: { form: Form; path: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
      {languages.map((lang) => (
        <TextInput
          key={lang}
          label={`${label} (${t(`language.${lang}`)})`}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          lang={lang}
          withAsterisk={required && lang === 'fr'}
          {...form.getInputProps(`${path}.${lang}`)}
        />
      ))}
    </SimpleGrid>
  );
}

function OptionsEditor({ form, index, question, frozen }: { form: Form; index: number; question: QuestionValues; frozen: boolean }) {
  const { t } = useTranslation();
  const path = `questions.${index}.options`;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('calls.builder.options')}
      </Text>
      {form.errors[path] && (
        <Text size="xs" c="red.8">
          {form.errors[path]}
        </Text>
      )}
      {question.options.map((option, optionIndex) => (
        <Group key={option.key} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput label={t('calls.builder.optionValue')} w={120} dir="ltr" {...form.getInputProps(`${path}.${optionIndex}.value`)} />
          <div style={{ flex: 1 }}>
            <LocalizedInputs form={form} path={`${path}.${optionIndex}.label`} label={t('calls.builder.optionLabel')} required />
          </div>
          {!frozen && (
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              onClick={() => form.removeListItem(path, optionIndex)}
              aria-label={t('calls.builder.removeOption')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!frozen && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem(path, emptyOption(question.options.length + 1))}
        >
          {t('calls.builder.addOption')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The program officer's form builder: questions of each kind, in the three languages, required or not,
 * with options for choices and bounds for numbers and texts; reordered and removed freely until the
 * first application is submitted.
 */
/** Moving a question up or down the form, or removing it. */
function QuestionMoves({ form, index, count }: { form: Form; index: number; count: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <ActionIcon
        variant="subtle"
        disabled={index === 0}
        onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })}
        aria-label={t('calls.builder.moveUp')}
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        disabled={index === count - 1}
        onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })}
        aria-label={t('calls.builder.moveDown')}
      >
        <IconArrowDown size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={() => form.removeListItem('questions', index)}
        aria-label={t('calls.builder.remove')}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** One question of the form: its kind, whether it is required, its label and help in three languages, its bounds or options. */
function QuestionEditor({
  form,
  index,
  question,
  count,
  frozen,
}: {
  form: Form;
  index: number;
  question: QuestionValues;
  count: number;
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const path = `questions.${index}`;
  const choice = question.kind === 'choice' || question.kind === 'multi_choice';
  return (
    <Card withBorder padding="sm" data-testid="question-editor">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="light" circle>
              {index + 1}
            </Badge>
            <Select
              aria-label={t('calls.builder.kind')}
              size="xs"
              w={190}
              allowDeselect={false}
              data={questionKinds.map((kind) => ({ value: kind, label: t(`calls.questionKind.${kind}`) }))}
              {...form.getInputProps(`${path}.kind`)}
              onChange={(kind) => {
                if (!kind) return;
                form.setFieldValue(`${path}.kind`, kind as QuestionValues['kind']);
                const needsOptions = kind === 'choice' || kind === 'multi_choice';
                if (needsOptions && question.options.length < 2) {
                  form.setFieldValue(`${path}.options`, emptyQuestion('choice', []).options);
                }
              }}
            />
            <Switch label={t('calls.builder.required')} {...form.getInputProps(`${path}.required`, { type: 'checkbox' })} />
          </Group>
          {!frozen && <QuestionMoves form={form} index={index} count={count} />}
        </Group>
        <LocalizedInputs form={form} path={`${path}.label`} label={t('calls.builder.label')} required />
        <LocalizedInputs form={form} path={`${path}.help`} label={t('calls.builder.helpText')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label={t('calls.builder.id')}
            description={t('calls.builder.idHelp')}
            dir="ltr"
            {...form.getInputProps(`${path}.id`)}
          />
          {question.kind === 'number' && (
            <>
              <NumberInput label={t('calls.builder.min')} {...form.getInputProps(`${path}.min`)} />
              <NumberInput label={t('calls.builder.max')} {...form.getInputProps(`${path}.max`)} />
            </>
          )}
          {(question.kind === 'short_text' || question.kind === 'long_text') && (
            <NumberInput
              label={t('calls.builder.maxLength')}
              description={t('calls.builder.maxLengthHelp', { count: question.kind === 'short_text' ? 300 : 5000 })}
              min={1}
              max={10000}
              allowDecimal={false}
              {...form.getInputProps(`${path}.maxLength`)}
            />
          )}
        </SimpleGrid>
        {choice && <OptionsEditor form={form} index={index} question={question} frozen={frozen} />}
      </Stack>
    </Card>
  );
}

export function QuestionsBuilder({ form, frozen }: { form: Form; frozen: boolean }) {
  const { t } = useTranslation();
  const questions = form.getValues().questions;
  const add = (kind: QuestionValues['kind']) =>
    form.insertListItem(
      'questions',
      emptyQuestion(
        kind,
        questions.map((question) => question.id),
      ),
    );

  return (
    <Stack>
      {questions.length === 0 && <Text c="dimmed">{t('calls.builder.empty')}</Text>}
      {questions.map((question, index) => (
        <QuestionEditor key={question.key} form={form} index={index} question={question} count={questions.length} frozen={frozen} />
      ))}
      {!frozen && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} />} w="fit-content" data-testid="add-question">
              {t('calls.builder.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {questionKinds.map((kind) => (
              <Menu.Item key={kind} onClick={() => add(kind)}>
                {t(`calls.questionKind.${kind}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Stack>
  );
}
