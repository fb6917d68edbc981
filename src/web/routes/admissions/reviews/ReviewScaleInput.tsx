import { Chip, Group, Input, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * One criterion's score on the call's scale: one choice per value, lowest first in the reading direction
 * (left to right in French, right to left in Arabic), with the two ends named so that the order can never
 * be misread.
 */
export function ReviewScaleInput({
  label,
  description,
  min,
  max,
  value,
  onChange,
  error,
  name,
  groupLabel,
}: {
  label: string;
  description?: string;
  min: number;
  max: number;
  value: number | null;
  onChange: (value: number) => void;
  error?: React.ReactNode;
  name: string;
  /** The criterion, for screen readers: the visible label only says "Score". */
  groupLabel: string;
}) {
  const { t } = useTranslation();
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <Input.Wrapper label={label} description={description} error={error} required>
      <Chip.Group multiple={false} value={value === null ? '' : String(value)} onChange={(chosen) => onChange(Number(chosen))}>
        {/* As many equal columns as values: the row never wraps, so both ends stay under their labels, even on a phone. */}
        <SimpleGrid cols={values.length} spacing={4} mt={6} role="radiogroup" aria-label={groupLabel} data-testid={`scale-${name}`}>
          {values.map((score) => (
            <Chip
              key={score}
              value={String(score)}
              name={name}
              variant="filled"
              radius="sm"
              size="md"
              styles={{ iconWrapper: { display: 'none' }, label: { width: '100%', paddingInline: 0, justifyContent: 'center' } }}
              aria-label={t('reviews.scaleValue', { score, min, max })}
            >
              {score}
            </Chip>
          ))}
        </SimpleGrid>
      </Chip.Group>
      <Group justify="space-between" mt={2} aria-hidden>
        <Text size="xs" c="dimmed">
          {t('reviews.scaleLow')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reviews.scaleHigh')}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
