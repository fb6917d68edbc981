import { SegmentedControl } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/locales.js';
import { api } from '../api.js';
import { changeLocale, currentLocale, rememberVisitorChoice } from '../i18n/index.js';
import { useMe } from '../session.js';

const labels: Record<Locale, string> = { fr: 'Français', ar: 'العربية', en: 'English' };
const shortLabels: Record<Locale, string> = { fr: 'FR', ar: 'ع', en: 'EN' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const narrow = useMediaQuery('(max-width: 36em)');
  const choose = async (value: string) => {
    const locale = value as Locale;
    await changeLocale(locale);
    if (me.data) await api.patch('/me', { locale }).catch(() => {});
    else rememberVisitorChoice(locale);
    // Server-worded data (scope names, messages) comes again in the new language.
    await client.invalidateQueries();
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.choose')}
      value={currentLocale()}
      onChange={choose}
      data={(Object.keys(labels) as Locale[]).map((value) => ({
        value,
        label: (
          <span lang={value} title={labels[value]}>
            {narrow ? shortLabels[value] : labels[value]}
          </span>
        ),
      }))}
      data-testid="language-switch"
    />
  );
}
