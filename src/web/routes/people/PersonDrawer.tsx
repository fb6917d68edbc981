import { ActionIcon, Badge, Button, Drawer, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.js';
import { roles, scopeTypeOfRole } from '../../../contracts/roles.js';
import { api } from '../../api.js';
import { Bdi } from '../../components/Bdi.js';
import { useAction } from '../../components/feedback.js';
import { isolate } from '../../i18n/isolate.js';

export function ScopePicker({ role, value, onChange }: { role: string; value: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const scopeType = scopeTypeOfRole[role as keyof typeof scopeTypeOfRole];
  const scopes = useQuery({
    queryKey: ['scopes', scopeType],
    queryFn: () => api.get<{ id: string; name: string }[]>(`/scopes?type=${scopeType}`),
    enabled: scopeType !== 'network',
  });
  if (scopeType === 'network') return null;
  return (
    <Select
      label={t(`scopeType.${scopeType}`)}
      data={(scopes.data ?? []).map((scope) => ({ value: scope.id, label: scope.name }))}
      value={value}
      onChange={onChange}
      searchable
      limit={50}
      nothingFoundMessage={t('people.noScopes')}
    />
  );
}

/** A change to one person (any call answering the person), with its confirmation; the list is read again. */
function usePersonChange(personId: string) {
  const client = useQueryClient();
  return useAction({
    mutationFn: ({ call }: { call: () => Promise<Person>; success: string }) => call(),
    success: (_person, { success }) => success,
    onSuccess: (updated) => {
      client.setQueryData(['person', personId], updated);
      return client.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

/** One person: rename, disable or enable, give and take roles. */
/** The person's name, in its own direction (a Latin name in an Arabic drawer keeps its place). */
function DrawerTitle({ name }: { name: string | undefined }) {
  return (
    <Title order={3}>
      <Bdi>{name ?? '…'}</Bdi>
    </Title>
  );
}

export function PersonDrawer({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.get<Person>(`/people/${personId}`) });
  const [name, setName] = useState<string | null>(null);
  const [role, setRole] = useState<string>('park_manager');
  const [scopeId, setScopeId] = useState<string | null>(null);
  const change = usePersonChange(personId);
  const data = person.data;

  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={<DrawerTitle name={data?.name} />}>
      {data && (
        <Stack>
          <Text size="sm">{data.email}</Text>
          <Group align="flex-end">
            <TextInput label={t('auth.fullName')} value={name ?? data.name} onChange={(event) => setName(event.currentTarget.value)} />
            <Button
              variant="light"
              onClick={() =>
                change.mutate({
                  call: () => api.patch<Person>(`/people/${personId}`, { name: name ?? data.name }),
                  success: t('people.renamed', { name: isolate(name ?? data.name) }),
                })
              }
            >
              {t('common.save')}
            </Button>
          </Group>
          <Switch
            label={t('people.active')}
            checked={!data.disabled}
            onChange={(event) => {
              const active = event.currentTarget.checked;
              change.mutate({
                call: () => api.patch<Person>(`/people/${personId}`, { disabled: !active }),
                success: t(active ? 'people.enabledNotice' : 'people.disabledNotice', { name: isolate(data.name) }),
              });
            }}
          />
          <Title order={4}>{t('people.roles')}</Title>
          <Group gap="xs">
            {data.grants.map((grant) => (
              <Badge
                key={grant.id}
                variant="light"
                size="lg"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    aria-label={t('people.removeRole')}
                    onClick={() =>
                      change.mutate({
                        call: () => api.delete<Person>(`/people/${personId}/grants/${grant.id}`),
                        success: t('people.roleRemoved', { role: t(`role.${grant.role}`) }),
                      })
                    }
                  >
                    <IconX size={12} />
                  </ActionIcon>
                }
              >
                {t(`role.${grant.role}`)}
                {grant.scopeName ? ` · ${grant.scopeName}` : ''}
              </Badge>
            ))}
          </Group>
          <Select
            label={t('people.role')}
            data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
            value={role}
            allowDeselect={false}
            onChange={(value) => {
              setRole(value ?? 'park_manager');
              setScopeId(null);
            }}
          />
          <ScopePicker role={role} value={scopeId} onChange={setScopeId} />
          <Button
            onClick={() =>
              change.mutate({
                call: () => api.post<Person>(`/people/${personId}/grants`, { role, scopeId }),
                success: t('people.roleAdded', { role: t(`role.${role}`) }),
              })
            }
            data-testid="add-role"
          >
            {t('people.addRole')}
          </Button>
        </Stack>
      )}
    </Drawer>
  );
}
