import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allocateBodySchema, type WaitingListEntry, withdrawBodySchema } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { api } from '../../../api.js';
import { DateField } from '../../../components/DateFields.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { isolate } from '../../../i18n/isolate.js';

/** Allocating a unit (with its date) or withdrawing a company (with a note saying why). */
export function CloseEntryModal({
  entry,
  action,
  onClose,
}: {
  entry: WaitingListEntry;
  action: 'allocate' | 'withdraw';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { date: localToday(), note: '' },
    validate: (values) => {
      const errors =
        action === 'allocate'
          ? zodValidator(allocateBodySchema)({ allocatedOn: values.date, note: values.note })
          : zodValidator(withdrawBodySchema)({ withdrawnOn: values.date, note: values.note });
      const { allocatedOn, withdrawnOn, ...rest } = errors as Record<string, string>;
      return { ...rest, ...(allocatedOn || withdrawnOn ? { date: allocatedOn ?? withdrawnOn } : {}) };
    },
  });
  const save = useAction({
    mutationFn: (values: typeof form.values) =>
      action === 'allocate'
        ? api.post(`/waiting-list/${entry.id}/allocate`, { allocatedOn: values.date, note: values.note })
        : api.post(`/waiting-list/${entry.id}/withdraw`, { withdrawnOn: values.date, note: values.note }),
    success: () => t(action === 'allocate' ? 'waitingList.allocated' : 'waitingList.withdrawn', { company: isolate(entry.companyName) }),
    form,
    fieldOf: (path) => (path === 'note' ? 'note' : 'date'),
    onSuccess: async () => {
      // The queue and the parks' counts both change.
      await client.invalidateQueries();
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(action === 'allocate' ? 'waitingList.allocateTitle' : 'waitingList.withdrawTitle', { company: isolate(entry.companyName) })}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <DateField
            label={t(action === 'allocate' ? 'waitingList.allocatedOn' : 'waitingList.withdrawnOn')}
            required
            min={entry.requestedOn}
            max={localToday()}
            {...form.getInputProps('date')}
          />
          <Textarea
            label={t(action === 'allocate' ? 'waitingList.allocationNote' : 'waitingList.withdrawalNote')}
            required={action === 'withdraw'}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="confirm-close-entry">
              {t(action === 'allocate' ? 'waitingList.allocate' : 'waitingList.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
