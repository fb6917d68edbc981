import { Anchor, Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Me, signInBodySchema } from '../../../contracts/auth.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { changeLocale } from '../../i18n/index.js';
import { isolate } from '../../i18n/isolate.js';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: zodValidator(signInBodySchema) });
  const signIn = useAction({
    mutationFn: (values: typeof form.values) => api.post<Me>('/auth/sign-in', values),
    form,
    success: (me) => t('auth.welcome', { name: isolate(me.user.name) }),
    onSuccess: async (me) => {
      // The account's language wins; names in the session are then fetched again in it.
      await changeLocale(me.user.locale);
      await client.invalidateQueries();
      await client.invalidateQueries();
      await navigate({ to: '/' });
    },
  });
  return (
    <Card withBorder maw={420} mx="auto" mt="xl" component="section">
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate data-testid="sign-in-form">
        <Stack>
          <Title order={1} size="h2">
            {t('auth.signIn')}
          </Title>
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgotPassword')}
          </Anchor>
        </Stack>
      </form>
    </Card>
  );
}
