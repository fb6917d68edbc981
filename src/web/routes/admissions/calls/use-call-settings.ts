import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { createCallBodySchema, type OfficerCall, updateCallBodySchema } from '../../../../contracts/calls.js';
import { api } from '../../../api.js';
import { useAction } from '../../../components/feedback.js';
import { type CallSettingsValues, callFormErrors, initialCallValues, toCallBody } from './call-settings-values.js';

/**
 * The settings form of a call (a new one when none is given) with its save and publication: what the officer may
 * change (park managers read), whether the form and grid are frozen by submitted applications.
 */
export function useCallSettings(call: OfficerCall | undefined) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const canManage = call ? call.canManage : true;
  const frozen = call ? !call.formEditable : false;
  const schema = call ? updateCallBodySchema : createCallBodySchema;
  const form = useForm<CallSettingsValues>({
    mode: 'controlled',
    initialValues: initialCallValues(call),
    validate: (values) => callFormErrors(schema, values),
  });

  const save = useAction({
    mutationFn: (values: CallSettingsValues) => {
      const body = toCallBody(values);
      if (!call) return api.post<OfficerCall>('/calls', body);
      const { published: _published, ...changes } = body;
      return api.patch<OfficerCall>(`/calls/${call.id}`, changes);
    },
    success: () => t(call ? 'calls.saved' : 'calls.created'),
    form,
    onSuccess: async (saved) => {
      // What is shown is what the server kept (trimmed texts, dropped empty translations).
      form.setValues(initialCallValues(saved));
      form.resetDirty();
      await client.invalidateQueries();
      if (!call) await navigate({ to: '/admin/calls/$callId', params: { callId: saved.id } });
    },
  });
  const publication = useAction({
    mutationFn: (publish: boolean) => api.post<OfficerCall>(`/calls/${call?.id}/${publish ? 'publish' : 'unpublish'}`),
    success: (_call, publish) => t(publish ? 'calls.publishedNotice' : 'calls.unpublishedNotice'),
    onSuccess: () => client.invalidateQueries(),
  });
  return { form, save, publication, canManage, frozen };
}

export type CallSettingsForm = ReturnType<typeof useCallSettings>['form'];
