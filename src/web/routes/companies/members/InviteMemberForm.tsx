import { Button, Card, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CompanyRole, companyRoles, type InviteMemberResult, inviteMemberBodySchema } from '../../../../contracts/companies.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { currentLocale } from '../../../i18n/index.js';
import { isolate } from '../../../i18n/isolate.js';

/** Adds a person to the company by e-mail: invited when they have no account, a member at once when they have one. */
export function InviteMemberForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'company_member' as CompanyRole, locale: currentLocale() as string },
    validate: zodValidator(inviteMemberBodySchema),
  });
  const invite = useAction({
    mutationFn: (values: typeof form.values) => api.post<InviteMemberResult>(`/companies/${companyId}/members`, values),
    success: (_result, values) => t('companies.invitationSent', { email: isolate(values.email) }),
    form,
    onSuccess: async () => {
      form.reset();
      await client.invalidateQueries({ queryKey: [`/companies/${companyId}/members`] });
      await client.invalidateQueries({ queryKey: ['company-invitations', companyId] });
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('companies.addMember')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('companies.addMemberHelp')}
      </Text>
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate data-testid="invite-member-form">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label={t('companies.email')} type="email" required dir="ltr" {...form.getInputProps('email')} />
          <TextInput label={t('companies.personName')} required {...form.getInputProps('name')} />
          <Select
            label={t('companies.memberRole')}
            allowDeselect={false}
            data={companyRoles.map((value) => ({ value, label: t(`role.${value}`) }))}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('invitations.language')}
            allowDeselect={false}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'ar', label: 'العربية' },
              { value: 'en', label: 'English' },
            ]}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" leftSection={<IconSend size={16} />} loading={invite.isPending}>
            {t('companies.addMemberSubmit')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
