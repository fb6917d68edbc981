import { Chip, Group, Input, Text } from '@mantine/core';
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
}: {
  label: string;
  description?: string;
  min: number;
  max: number;
  value: number | null;
  onChange: (value: number) => void;
  error?: React.ReactNode;
  name: string;
}) {
  const { t } = useTranslation();
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <Input.Wrapper label={label} description={description} error={error} required>
      <Chip.Group multiple={false} value={value === null ? '' : String(value)} onChange={(chosen) => onChange(Number(chosen))}>
        <Group gap={6} mt={6} align="center" data-testid={`scale-${name}`}>
          <Text size="xs" c="dimmed" aria-hidden>
            {t('reviews.scaleLow', { value: min })}
          </Text>
          {values.map((score) => (
            <Chip
              key={score}
              value={String(score)}
              name={name}
              variant="filled"
              radius="sm"
              size="md"
              styles={{ iconWrapper: { display: 'none' }, label: { paddingInline: 12, justifyContent: 'center', minWidth: 40 } }}
              aria-label={t('reviews.scaleValue', { score, min, max })}
            >
              {score}
            </Chip>
          ))}
          <Text size="xs" c="dimmed" aria-hidden>
            {t('reviews.scaleHigh', { value: max })}
          </Text>
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
