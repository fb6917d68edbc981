import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/people.js';
import { api, toQuery } from '../../api.js';

type Page = { items: Person[] };

/**
 * "Who": a person found by name or e-mail (the list keeps their id in the address), never an id to type. The person
 * chosen stays shown after a reload, read once by their id.
 */
export function ActorFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const found = useQuery({
    queryKey: ['/people', 'audit-actor', debounced],
    queryFn: () => api.get<Page>(`/people${toQuery({ q: debounced || undefined, pageSize: 20, sort: 'name', order: 'asc' })}`),
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({
    queryKey: ['/people', value],
    queryFn: () => api.get<Person>(`/people/${value}`),
    enabled: Boolean(value),
  });
  const people = [...(chosen.data ? [chosen.data] : []), ...(found.data?.items ?? []).filter((person) => person.id !== value)];
  return (
    <Select
      label={t('audit.actorUserId')}
      placeholder={t('audit.actorPlaceholder')}
      searchable
      clearable
      data={people.map((person) => ({ value: person.id, label: `${person.name} · ${person.email}` }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('audit.actorNone')}
      data-testid="audit-actor-filter"
    />
  );
}
