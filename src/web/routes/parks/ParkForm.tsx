import { Button, Group, Modal, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createParkBodySchema, type ParkDetail, updateParkBodySchema } from '../../../contracts/parks.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { ContactsFields, LocalizedFields, ParkPlaceFields } from './ParkFormFields.js';
import { initialValues, type ParkFormValues, toBody } from './park-form-values.js';

/** Creates a park (no `park`) or edits one, in a modal. */
export function ParkForm({
  park,
  opened,
  onClose,
  isNetworkAdmin,
}: {
  park?: ParkDetail;
  opened: boolean;
  onClose: () => void;
  isNetworkAdmin: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const schema = park ? updateParkBodySchema : createParkBodySchema;
  const form = useForm<ParkFormValues>({ initialValues: initialValues(park), validate: (values) => zodValidator(schema)(toBody(values)) });
  const save = useAction({
    mutationFn: (values: ParkFormValues) =>
      park ? api.patch<ParkDetail>(`/parks/${park.id}`, toBody(values)) : api.post<ParkDetail>('/parks', toBody(values)),
    success: () => t(park ? 'park.saved' : 'park.created'),
    onSuccess: async () => {
      await client.invalidateQueries();
      onClose();
    },
    form,
  });

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Title order={3}>{park ? t('park.edit') : t('park.create')}</Title>}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="park-form" noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <LocalizedFields form={form} field="name" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <LocalizedFields form={form} field="city" />
          </SimpleGrid>
          <ParkPlaceFields form={form} isNetworkAdmin={isNetworkAdmin} />
          <LocalizedFields form={form} field="description" multiline />
          <ContactsFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
