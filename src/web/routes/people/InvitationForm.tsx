import { Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createInvitationBodySchema, type Invitation } from '../../../contracts/people.js';
import { roles } from '../../../contracts/roles.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { isolate } from '../../i18n/isolate.js';
import { ScopePicker } from './PersonDrawer.js';

/** Invites someone by e-mail to a role (and its scope), in the language of the invitation's e-mail. */
export function InvitationForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'park_manager', scopeId: null as string | null, locale: 'fr' },
    validate: zodValidator(createInvitationBodySchema),
  });
  const invite = useAction({
    mutationFn: (values: typeof form.values) => api.post<Invitation>('/invitations', values),
    success: (invitation) => t('invitations.sent', { email: isolate(invitation.email) }),
    form,
    onSuccess: async () => {
      form.reset();
      await client.invalidateQueries({ queryKey: ['/invitations'] });
    },
  });

  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate data-testid="invitation-form">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('auth.email')} type="email" required {...form.getInputProps('email')} />
          <TextInput label={t('auth.fullName')} required {...form.getInputProps('name')} />
          <Select
            label={t('people.role')}
            data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
            onChange={(value) => {
              form.setFieldValue('role', value ?? 'park_manager');
              form.setFieldValue('scopeId', null);
            }}
          />
          <ScopePicker role={form.values.role} value={form.values.scopeId} onChange={(value) => form.setFieldValue('scopeId', value)} />
          <Select
            label={t('invitations.language')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'ar', label: 'العربية' },
              { value: 'en', label: 'English' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        {form.errors.scopeId && <div style={{ color: 'var(--mantine-color-error)' }}>{form.errors.scopeId}</div>}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={invite.isPending}>
            {t('invitations.send')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
