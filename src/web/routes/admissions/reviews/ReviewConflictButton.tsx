import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { conflictBodySchema, type MemberReview } from '../../../../contracts/reviews.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';

/** Declaring a conflict of interest, with its reason and a confirmation: the member then neither scores nor sees scores of the file. */
export function ReviewConflictButton({ review }: { review: MemberReview }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({
    initialValues: { reason: '', understood: false },
    validate: (values) => ({
      ...zodValidator(conflictBodySchema)({ reason: values.reason }),
      ...(values.understood ? {} : { understood: t('reviews.conflict.confirmRequired') }),
    }),
  });
  const declare = useAction({
    mutationFn: (reason: string) => api.post<MemberReview>(`/reviews/${review.applicationId}/conflict`, { reason }),
    success: () => t('reviews.conflict.declared'),
    form,
    onSuccess: async () => {
      close();
      await client.invalidateQueries();
    },
  });
  return (
    <>
      <Button variant="light" color="orange" leftSection={<IconAlertTriangle size={16} />} onClick={open} data-testid="declare-conflict">
        {t('reviews.conflict.declare')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('reviews.conflict.declare')} centered>
        <form onSubmit={form.onSubmit((values) => declare.mutate(values.reason))} noValidate>
          <Stack>
            <Text size="sm">{t('reviews.conflict.explain')}</Text>
            <Textarea label={t('reviews.conflict.reason')} required autosize minRows={3} {...form.getInputProps('reason')} />
            <Checkbox label={t('reviews.conflict.understood')} {...form.getInputProps('understood', { type: 'checkbox' })} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={declare.isPending} data-testid="confirm-conflict">
                {t('reviews.conflict.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
