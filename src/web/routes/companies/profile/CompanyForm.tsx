import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CompanyDetail, createCompanyBodySchema, updateCompanyBodySchema } from '../../../../contracts/companies.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { zodValidator } from '../../../components/forms.js';
import { isolate } from '../../../i18n/isolate.js';
import {
  ContactDetailsSection,
  ContactsSection,
  FirstStatusSection,
  FoundersSection,
  IdentifiersSection,
  IdentitySection,
} from './CompanyFormSections.js';
import { type CompanyFormValues, initialValues, toBody } from './company-form-values.js';
import { useParkOptions } from './park-options.js';

/**
 * The company profile form, for a new company (with its first status) or an existing one. Validated with
 * the same contract as the server; the server's field problems land under the same fields.
 */
export function CompanyForm({
  company,
  defaultParkId,
  canChoosePark,
  onSaved,
  onCancel,
}: {
  company?: CompanyDetail;
  defaultParkId?: string | null;
  canChoosePark: boolean;
  onSaved: (company: CompanyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const creating = !company;
  const schema = creating ? createCompanyBodySchema : updateCompanyBodySchema;
  const parks = useParkOptions(company?.parkId);
  const form = useForm<CompanyFormValues>({
    initialValues: initialValues(company, defaultParkId),
    validate: (values) => zodValidator(schema)(toBody(values, creating)),
  });
  const save = useAction({
    mutationFn: (values: CompanyFormValues) =>
      company
        ? api.patch<CompanyDetail>(`/companies/${company.id}`, toBody(values, false))
        : api.post<CompanyDetail>('/companies', toBody(values, true)),
    success: (saved) => t(creating ? 'companies.created' : 'companies.saved', { name: isolate(saved.brandName || saved.legalName) }),
    onSuccess: async (saved) => {
      await client.invalidateQueries();
      onSaved(saved);
    },
    form,
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="company-form">
      <Stack>
        <IdentitySection form={form} creating={creating} canChoosePark={canChoosePark} parks={parks} />
        <IdentifiersSection form={form} />
        <ContactDetailsSection form={form} />
        <FoundersSection form={form} />
        <ContactsSection form={form} />
        {creating && <FirstStatusSection form={form} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-company">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
