import '@mantine/dates/styles.css';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';
import { Group, Input } from '@mantine/core';
import { DateInput, type DateInputProps, DatesProvider, TimePicker } from '@mantine/dates';
import { useId } from '@mantine/hooks';
import type { FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/locales.js';
import { currentLocale } from '../i18n/index.js';
import { formatDateText, parseDateText } from './date-text.js';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'valueFormat' | 'dateParser' | 'defaultValue'> & {
  /** yyyy-mm-dd, '' or null when none. */
  value?: string | null;
  /** yyyy-mm-dd, or '' when the field is emptied. */
  onChange?: (value: string) => void;
  min?: string | null;
  max?: string | null;
};

/**
 * The calendars in the reader's language (Moroccan month names in Arabic), weeks from Monday. Given here rather than
 * around the whole app so that the date library and its locales load with the first page that has a date field.
 */
const datesLocale: Record<Locale, string> = { fr: 'fr', ar: 'ar-ma', en: 'en-gb' };

function ReaderCalendar({ children }: { children: ReactNode }) {
  useTranslation(); // drawn again when the reader changes language
  return (
    <DatesProvider settings={{ locale: datesLocale[currentLocale()], firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>
  );
}

/**
 * A day typed as the reader writes it (31/12/2026 in French, Arabic and English), or picked in a calendar in their
 * language; the form holds yyyy-mm-dd. Takes `form.getInputProps(...)` as a text input does.
 */
export function DateField({ value, onChange, min, max, required, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <ReaderCalendar>
      <DateInput
        placeholder={t('dates.placeholder')}
        clearable={!required}
        required={required}
        {...props}
        value={value || null}
        onChange={(next) => onChange?.(next ? next.slice(0, 10) : '')}
        minDate={min || undefined}
        maxDate={max || undefined}
        valueFormat={formatDateText}
        dateParser={parseDateText}
      />
    </ReaderCalendar>
  );
}

type ParkDateTimeFieldProps = {
  label: ReactNode;
  /** A plain-text name for the field's parts ("Ouverture — heures"). */
  name: string;
  description?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
  withAsterisk?: boolean;
  /** yyyy-mm-ddThh:mm on the park's clock ('' when none). */
  value?: string | null;
  onChange: (value: string) => void;
  onFocus?: FocusEventHandler;
  onBlur?: FocusEventHandler;
  testId?: string;
};

/**
 * A date and time on the park's clock: the day as the reader writes it, the hour on 24 hours (never the browser's
 * AM/PM). The form holds yyyy-mm-ddThh:mm, turned into an instant by `fromLocal` (src/shared/morocco-time.ts).
 */
export function ParkDateTimeField({
  label,
  name,
  description,
  error,
  disabled,
  withAsterisk,
  value,
  onChange,
  onFocus,
  onBlur,
  testId,
}: ParkDateTimeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [date = '', time = ''] = (value ?? '').split('T');
  const join = (nextDate: string, nextTime: string) => onChange(nextDate ? `${nextDate}T${nextTime}` : '');
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      description={description}
      error={error}
      withAsterisk={withAsterisk}
      data-testid={testId}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start" mt={description ? 4 : 0}>
        <DateField
          id={id}
          style={{ flex: 1 }}
          disabled={disabled}
          required
          error={Boolean(error)}
          value={date}
          onChange={(next) => join(next, time)}
          onFocus={onFocus}
          onBlur={onBlur}
        />
        <ReaderCalendar>
          <TimePicker
            w={96}
            format="24h"
            disabled={disabled}
            error={Boolean(error)}
            aria-label={`${name} — ${t('dates.time')}`}
            hoursInputLabel={`${name} — ${t('dates.hours')}`}
            minutesInputLabel={`${name} — ${t('dates.minutes')}`}
            value={time}
            onChange={(next) => join(date, next)}
            onBlur={onBlur}
          />
        </ReaderCalendar>
      </Group>
    </Input.Wrapper>
  );
}
