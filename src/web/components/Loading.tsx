import { Loader, type LoaderProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What stands where something is still on its way: Mantine's spinner announced as a status ("Loading…" in the
 * reader's language). A name alone on the spinner's bare element is not allowed by ARIA (axe: aria-prohibited-attr).
 */
export function Loading(props: LoaderProps) {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t('common.loading')} {...props} />;
}
