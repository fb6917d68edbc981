import { Button, Card, FileInput, Group, Image, Stack, Text, Title } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyDetail, maxLogoBytes } from '../../../../contracts/companies.js';
import { ApiError, api } from '../../../api.js';
import { useConfirm } from '../../../components/ConfirmDialog.js';
import { useAction } from '../../../components/feedback.js';
import { readAsBase64 } from '../../../files.js';

/** Saving and removing the logo, each confirmed; the server's reason for refusing a file goes to `onProblem`. */
function useLogoChanges(company: CompanyDetail, onDone: () => void, onProblem: (problem: string) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = async () => {
    onDone();
    await client.invalidateQueries({ queryKey: ['company', company.id] });
    await client.invalidateQueries({ queryKey: ['/companies'] });
  };
  const upload = useAction({
    mutationFn: async (chosen: File) =>
      api.put<CompanyDetail>(`/companies/${company.id}/logo`, { file: { name: chosen.name, content: await readAsBase64(chosen) } }),
    success: () => t('companies.logoSaved'),
    onSuccess: done,
    // The server's reason (not a picture, too large) belongs under the file input.
    onError: (error) => {
      if (!(error instanceof ApiError && error.details.length)) return;
      onProblem(error.details[0].message);
      return 'handled';
    },
  });
  const remove = useAction({
    mutationFn: () => api.delete(`/companies/${company.id}/logo`),
    success: () => t('companies.logoRemoved'),
    onSuccess: done,
  });
  return { upload, remove };
}

/**
 * Puts, replaces or removes a company's logo, showing the chosen picture before it is saved. The browser
 * only helps (type and size); the server decides by the file's content.
 */
export function LogoEditor({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (chosen: File | null) => {
    setProblem(chosen && chosen.size > maxLogoBytes ? t('companies.logoTooLarge') : null);
    setFile(chosen);
  };
  const { upload, remove } = useLogoChanges(company, () => setFile(null), setProblem);
  const confirm = useConfirm();
  const shown = preview ?? company.logoUrl;

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('companies.logo')}
      </Title>
      <Stack gap="sm">
        {shown ? (
          <Image
            src={shown}
            alt={preview ? t('companies.logoPreview') : t('companies.logoOf', { name: company.brandName || company.legalName })}
            h={120}
            fit="contain"
            bg="gray.0"
            radius="sm"
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('companies.noLogo')}
          </Text>
        )}
        <FileInput
          label={company.logoUrl ? t('companies.replaceLogo') : t('companies.chooseLogo')}
          description={t('companies.logoHelp')}
          accept="image/png,image/jpeg,image/webp"
          clearable
          value={file}
          onChange={choose}
          error={problem}
          leftSection={<IconPhotoUp size={16} />}
          data-testid="logo-input"
        />
        <Group gap="xs">
          {file && (
            <Button onClick={() => upload.mutate(file)} loading={upload.isPending} disabled={problem !== null} data-testid="save-logo">
              {t('companies.saveLogo')}
            </Button>
          )}
          {!file && company.logoUrl && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              loading={remove.isPending}
              onClick={() =>
                confirm.ask({
                  message: t('companies.confirmRemoveLogo'),
                  confirmLabel: t('companies.removeLogo'),
                  danger: true,
                  onConfirm: () => remove.mutate(),
                })
              }
            >
              {t('companies.removeLogo')}
            </Button>
          )}
        </Group>
      </Stack>
      {confirm.dialog}
    </Card>
  );
}
