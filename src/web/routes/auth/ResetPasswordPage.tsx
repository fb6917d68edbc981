import { Alert, Anchor, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newPasswordSchema } from '../../../contracts/auth.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = useSearch({ from: '/reset-password' });
  const form = useForm({ initialValues: { newPassword: '' }, validate: zodValidator(z.object({ newPassword: newPasswordSchema })) });
  const reset = useAction({
    mutationFn: (values: typeof form.values) => api.post('/auth/password-resets', { token, ...values }),
    // The page says it in place of the form.
    success: () => null,
    form,
  });
  return (
    <Card withBorder maw={420} mx="auto" mt="xl" component="section">
      <form onSubmit={form.onSubmit((values) => reset.mutate(values))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.chooseNewPassword')}
          </Title>
          {reset.isSuccess ? (
            <>
              <Alert color="teal">{t('auth.passwordChanged')}</Alert>
              <Anchor component={Link} to="/sign-in">
                {t('auth.signIn')}
              </Anchor>
            </>
          ) : (
            <>
              <PasswordInput label={t('auth.newPassword')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
              <Button type="submit" loading={reset.isPending} disabled={!token}>
                {t('common.save')}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}
