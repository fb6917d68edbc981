import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toQuery } from '../api.js';
import { currentLocale } from '../i18n/index.js';

type Filters = Record<string, string | number | boolean | undefined | null>;

/** Downloads the list as CSV or XLSX with the filters on screen, headers in the reader's language. */
export function ExportButtons({ path, filters }: { path: string; filters: Filters }) {
  const { t } = useTranslation();
  const download = async (format: 'csv' | 'xlsx') => {
    const response = await fetch(`/api/v1${path}${toQuery({ ...filters, format })}`, {
      credentials: 'same-origin',
      headers: { 'accept-language': currentLocale() },
    });
    if (!response.ok) return;
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${format}`;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} onClick={() => download('csv')}>
        {t('common.exportCsv')}
      </Button>
      <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} onClick={() => download('xlsx')}>
        {t('common.exportXlsx')}
      </Button>
    </Group>
  );
}
