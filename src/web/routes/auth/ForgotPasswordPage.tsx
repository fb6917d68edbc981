import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { passwordResetRequestBodySchema } from '../../../contracts/auth.js';
import { api } from '../../api.js';
import { useAction } from '../../components/feedback.js';
import { zodValidator } from '../../components/forms.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: '' }, validate: zodValidator(passwordResetRequestBodySchema) });
  const request = useAction({
    mutationFn: (values: typeof form.values) => api.post('/auth/password-reset-requests', values),
    // The page says it in place of the form.
    success: () => null,
    form,
  });
  return (
    <Card withBorder maw={420} mx="auto" mt="xl" component="section">
      <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.forgotPassword')}
          </Title>
          {request.isSuccess ? (
            <Alert color="teal">{t('auth.resetRequested')}</Alert>
          ) : (
            <>
              <Text size="sm">{t('auth.resetExplain')}</Text>
              <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={request.isPending}>
                {t('auth.sendResetLink')}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}
