import { Anchor, Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, signInBodySchema } from '../../../contracts/auth.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';
import { changeLocale, forgetVisitorChoice, visitorChoice } from '../../i18n/index.js';
import { isolate } from '../../i18n/isolate.js';
import { landingPage } from '../../landing.js';
import { useMe } from '../../session.js';

/**
 * Signs in; a language picked before (on this page or earlier in this tab, not signed in) becomes the
 * account's, where otherwise the account's own language would replace it.
 */
async function signInKeepingLanguage(values: { email: string; password: string }): Promise<Me> {
  const me = await api.post<Me>('/auth/sign-in', values);
  const chosen = visitorChoice();
  if (!chosen || chosen === me.user.locale) return me;
  // Signed in all the same if saving the language fails: the account's language then applies, as before.
  return api.patch<Me>('/me', { locale: chosen }).catch(() => me);
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/sign-in' });
  const client = useQueryClient();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: zodValidator(signInBodySchema) });
  const signIn = useAction({
    mutationFn: signInKeepingLanguage,
    form,
    success: (me) => t('auth.welcome', { name: isolate(me.user.name) }),
    onSuccess: async (me) => {
      // The account's language (just saved, when chosen here) wins; names in the session come again in it.
      forgetVisitorChoice();
      await changeLocale(me.user.locale);
      await client.invalidateQueries();
      await client.invalidateQueries();
      await navigate({ href: landingPage(me, redirect), replace: true });
    },
  });
  // Somebody already signed in (a bookmark, the back button) goes where signing in would have led them.
  const me = useMe();
  const signedIn = me.data ?? null;
  const busy = signIn.isPending || signIn.isSuccess;
  useEffect(() => {
    if (signedIn && !busy) void navigate({ href: landingPage(signedIn, redirect), replace: true });
  }, [signedIn, busy, navigate, redirect]);
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
