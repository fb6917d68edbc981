import { ActionIcon, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../shared/calendar.js';
import { currentLocale } from '../../../i18n/index.js';
import { type CallSettingsValues, emptyCriterion } from './call-settings-values.js';
import { LocalizedInputs } from './QuestionsBuilder.js';

type Form = UseFormReturnType<CallSettingsValues>;

/** The evaluation grid: weighted criteria (each weight's share of the total shown), the scale and the spread threshold. */
export function CriteriaEditor({ form, frozen }: { form: Form; frozen: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { criteria } = form.getValues();
  const weight = (value: number | string) => (Number.isFinite(Number(value)) && value !== '' ? Number(value) : 0);
  const total = criteria.reduce((sum, criterion) => sum + weight(criterion.weight), 0);

  return (
    <Stack>
      {typeof form.errors.criteria === 'string' && (
        <Text size="sm" c="red.8">
          {form.errors.criteria}
        </Text>
      )}
      {criteria.map((criterion, index) => {
        const share = total ? (weight(criterion.weight) / total) * 100 : 0;
        return (
          <Card key={criterion.key} withBorder padding="sm" data-testid="criterion-editor">
            <Stack gap="xs">
              <LocalizedInputs form={form} path={`criteria.${index}.label`} label={t('calls.grid.criterion')} required />
              <LocalizedInputs form={form} path={`criteria.${index}.description`} label={t('calls.grid.description')} />
              <Group align="flex-end" justify="space-between" gap="sm">
                <Group align="flex-end" gap="sm">
                  <NumberInput
                    label={t('calls.grid.weight')}
                    w={110}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    {...form.getInputProps(`criteria.${index}.weight`)}
                  />
                  <Stack gap={2} w={160}>
                    <Text size="xs" c="dimmed" data-testid="criterion-share">
                      {t('calls.grid.share', { share: formatNumber(share, locale, { maximumFractionDigits: 1 }) })}
                    </Text>
                    <Progress value={share} size="sm" aria-hidden />
                  </Stack>
                </Group>
                {!frozen && (
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === 0}
                      onClick={() => form.reorderListItem('criteria', { from: index, to: index - 1 })}
                      aria-label={t('calls.builder.moveUp')}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === criteria.length - 1}
                      onClick={() => form.reorderListItem('criteria', { from: index, to: index + 1 })}
                      aria-label={t('calls.builder.moveDown')}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={criteria.length === 1}
                      onClick={() => form.removeListItem('criteria', index)}
                      aria-label={t('calls.builder.remove')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </Stack>
          </Card>
        );
      })}
      {!frozen && (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          w="fit-content"
          onClick={() => form.insertListItem('criteria', emptyCriterion())}
        >
          {t('calls.grid.add')}
        </Button>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={t('calls.grid.scoreMin')} min={0} max={100} allowDecimal={false} {...form.getInputProps('scoreMin')} />
        <NumberInput label={t('calls.grid.scoreMax')} min={1} max={100} allowDecimal={false} {...form.getInputProps('scoreMax')} />
        <NumberInput
          label={t('calls.grid.spreadThreshold')}
          description={t('calls.grid.spreadHelp')}
          min={0.01}
          max={100}
          decimalScale={2}
          {...form.getInputProps('spreadThreshold')}
        />
      </SimpleGrid>
    </Stack>
  );
}
