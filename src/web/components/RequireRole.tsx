import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contracts/roles.js';
import { hasRole, useMe } from '../session.js';
import { Loading } from './Loading.js';
import { SignInLink } from './SignInLink.js';

/** Shows the page to holders of one of the roles; asks others to sign in or says they are not allowed. */
export function RequireRole({ roles, children }: { roles: Role[] | 'signed-in'; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Stack align="flex-start">
        <Alert color="blue" title={t('auth.signInRequired')} />
        <SignInLink variant="button" />
      </Stack>
    );
  }
  if (roles !== 'signed-in' && !hasRole(me.data, ...roles)) {
    return (
      <Alert color="red" title={t('errors.forbiddenTitle')}>
        {t('errors.forbiddenText')}
      </Alert>
    );
  }
  return <>{children}</>;
}
