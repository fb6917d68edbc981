import { Alert, Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantApplication, MyApplication } from '../../../../contracts/applications.js';
import type { PublicCall } from '../../../../contracts/calls.js';
import type { Page } from '../../../../contracts/lists.js';
import { ApiError, api } from '../../../api.js';
import { Loading } from '../../../components/Loading.js';
import { NotFoundPage } from '../../../components/NotFoundPage.js';
import { useMe } from '../../../session.js';
import { ApplicationForm } from './ApplicationForm.js';
import { ApplicationStatusView } from './ApplicationStatusView.js';
import { applicantApi, draftStore } from './applicant-api.js';

/**
 * Which application this page is about: the one named in the address, else the draft this browser
 * started for the call, else (signed in) the person's own draft for it; none means a fresh form.
 */
async function findApplication(slug: string, named: string | undefined, signedIn: boolean): Promise<ApplicantApplication | null> {
  const candidates: string[] = [];
  if (named) candidates.push(named);
  const local = draftStore.draftOfCall(slug);
  if (local) candidates.push(local);
  if (signedIn && !named) {
    // Their draft for this call if they have one, else their latest application to it.
    const mine = await api.get<Page<MyApplication>>('/my/applications?sort=updatedAt&order=desc&pageSize=100');
    const ofCall = mine.items.filter((item) => item.call.slug === slug && item.status !== 'withdrawn');
    const chosen = ofCall.find((item) => item.status === 'draft') ?? ofCall[0];
    if (chosen) candidates.push(chosen.id);
  }
  for (const id of candidates) {
    try {
      return await applicantApi.get(id);
    } catch (error) {
      // A draft this browser no longer reaches (submitted from elsewhere, or the secret is gone): forget it.
      if (error instanceof ApiError && error.status === 404) {
        if (id === local) draftStore.forget(slug, id);
        continue;
      }
      throw error;
    }
  }
  return null;
}

export function ApplyPage() {
  const { t } = useTranslation();
  const { slug } = useParams({ from: '/calls/$slug/apply' });
  const { application: named } = useSearch({ from: '/calls/$slug/apply' });
  const me = useMe();
  const navigate = useNavigate();
  const call = useQuery({ queryKey: ['public-call', slug], queryFn: () => api.get<PublicCall>(`/public/calls/${slug}`) });
  const signedIn = Boolean(me.data);
  const found = useQuery({
    queryKey: ['my-application-for-call', slug, named, me.data?.user.id ?? null],
    queryFn: () => findApplication(slug, named, signedIn),
    enabled: !me.isPending,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [current, setCurrent] = useState<ApplicantApplication | null>(null);
  useEffect(() => setCurrent(found.data ?? null), [found.data]);

  if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
  if (!call.data || found.isPending || me.isPending) return <Loading />;

  if (current && current.status !== 'draft') return <ApplicationStatusView application={current} onChanged={setCurrent} />;
  if (call.data.phase !== 'open') {
    return (
      <Stack align="flex-start">
        <Alert color={call.data.phase === 'upcoming' ? 'blue' : 'gray'}>
          {call.data.phase === 'upcoming' ? t('calls.notOpenYet') : t('calls.closedNotice')}
        </Alert>
        <Button renderRoot={(props) => <Link {...props} to="/calls/$slug" params={{ slug }} />} variant="light">
          {t('calls.backToCall')}
        </Button>
      </Stack>
    );
  }
  return (
    <ApplicationForm
      key={current?.id ?? 'new'}
      call={call.data}
      application={current}
      me={me.data ? { name: me.data.user.name, email: me.data.user.email } : null}
      onSubmitted={(submitted) => {
        setCurrent(submitted);
        // The address names the application, so a reload (now signed in) shows it again.
        void navigate({ to: '/calls/$slug/apply', params: { slug }, search: { application: submitted.id }, replace: true });
        window.scrollTo({ top: 0 });
      }}
    />
  );
}
