import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toQuery } from '../api.js';
import { downloadFromApi } from '../files.js';

type Filters = Record<string, string | number | boolean | undefined | null>;

/** Downloads the list as CSV or XLSX with the filters on screen, headers in the reader's language. */
export function ExportButtons({ path, filters }: { path: string; filters: Filters }) {
  const { t } = useTranslation();
  const download = (format: 'csv' | 'xlsx') =>
    downloadFromApi(`${path}${toQuery({ ...filters, format })}`, { fallbackName: `export.${format}` });
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
