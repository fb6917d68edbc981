import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Me } from '../../../contracts/auth.js';
import { acceptInvitationBodySchema, joinInvitationBodySchema } from '../../../contracts/people.js';
import { api } from '../../api.js';
import { Bdi } from '../../components/Bdi.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { Loading } from '../../components/Loading.js';
import { changeLocale } from '../../i18n/index.js';
import { isolate } from '../../i18n/isolate.js';

type Preview = { email: string; name: string; role: string; scopeName: string | null; locale: 'fr' | 'ar' | 'en'; hasAccount: boolean };

export function InvitationPage() {
  const { t } = useTranslation();
  const { token } = useSearch({ from: '/invitation' });
  const navigate = useNavigate();
  const client = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<Preview>(`/invitations/preview?token=${encodeURIComponent(token)}`),
    enabled: Boolean(token),
  });
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: zodValidator(acceptInvitationBodySchema.omit({ token: true }).extend({ name: z.string().trim().min(1) })),
  });
  const signedIn = async (me: Me) => {
    // The account's language wins; names in the session are then fetched again in it.
    await changeLocale(me.user.locale);
    await client.invalidateQueries();
    await navigate({ to: '/' });
  };
  const accept = useAction({
    mutationFn: (values: typeof form.values) => api.post<Me>('/invitations/accept', { token, ...values }),
    success: (me) => t('auth.welcome', { name: isolate(me.user.name) }),
    onSuccess: signedIn,
    form,
  });
  const joinForm = useForm({ initialValues: { password: '' }, validate: zodValidator(joinInvitationBodySchema.omit({ token: true })) });
  const join = useAction({
    mutationFn: (values: typeof joinForm.values) => api.post<Me>('/invitations/join', { token, ...values }),
    success: (me) => t('auth.welcome', { name: isolate(me.user.name) }),
    onSuccess: signedIn,
    form: joinForm,
  });
  if (preview.isPending && token) return <Loading />;
  if (!preview.data) return <Alert color="red" title={t('auth.invitationInvalid')} maw={480} mx="auto" mt="xl" />;
  if (!form.values.name && preview.data.name) form.setFieldValue('name', preview.data.name);

  const invitedAs = (
    <Text>
      {t('auth.invitationFor', { email: isolate(preview.data.email), role: t(`role.${preview.data.role}`) })}
      {preview.data.scopeName ? (
        <>
          {' '}
          — <Bdi>{preview.data.scopeName}</Bdi>
        </>
      ) : (
        ''
      )}
    </Text>
  );

  if (preview.data.hasAccount) {
    // The address has an account: the person confirms it is theirs with their password; nobody else can add them.
    return (
      <Card withBorder maw={480} mx="auto" mt="xl" component="section">
        <form onSubmit={joinForm.onSubmit((values) => join.mutate(values))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.invitationTitle')}
            </Title>
            {invitedAs}
            <Text size="sm" c="dimmed">
              {t('auth.invitationExistingAccount')}
            </Text>
            <PasswordInput
              label={t('auth.yourPassword')}
              autoComplete="current-password"
              required
              {...joinForm.getInputProps('password')}
            />
            <Button type="submit" loading={join.isPending}>
              {t('auth.joinInvitation')}
            </Button>
          </Stack>
        </form>
      </Card>
    );
  }

  return (
    <Card withBorder maw={480} mx="auto" mt="xl" component="section">
      <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.invitationTitle')}
          </Title>
          {invitedAs}
          <TextInput label={t('auth.fullName')} required {...form.getInputProps('name')} />
          <PasswordInput label={t('auth.choosePassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={accept.isPending}>
            {t('auth.acceptInvitation')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
