import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { updateMeBodySchema } from '../../../contracts/auth.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { RequireRole } from '../../components/RequireRole.js';
import { useMe } from '../../session.js';

function AccountForm() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const form = useForm({ initialValues: { name: me.data?.user.name ?? '' }, validate: zodValidator(updateMeBodySchema) });
  const save = useAction({
    mutationFn: (values: typeof form.values) => api.patch('/me', values),
    success: () => t('common.saved'),
    form,
    onSuccess: async () => {
      await client.invalidateQueries();
    },
  });
  if (!me.data) return null;
  return (
    <Stack maw={560}>
      <Title order={1}>{t('nav.account')}</Title>
      <Card withBorder>
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack>
            <TextInput label={t('auth.fullName')} {...form.getInputProps('name')} />
            <Text size="sm">
              {t('auth.email')}: {me.data.user.email}
            </Text>
            <Text size="sm" c="dimmed">
              {t('account.languageHint')}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Anchor component={Link} to="/account/data">
        {t('account.myDataLink')}
      </Anchor>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('account.roles')}
        </Title>
        <Group gap="xs">
          {me.data.grants.map((grant) => (
            <Badge key={grant.id} variant="light" size="lg">
              {t(`role.${grant.role}`)}
              {grant.scopeName ? ` · ${grant.scopeName}` : ''}
            </Badge>
          ))}
        </Group>
      </Card>
    </Stack>
  );
}

export function AccountPage() {
  return (
    <RequireRole roles="signed-in">
      <AccountForm />
    </RequireRole>
  );
}
