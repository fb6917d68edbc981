import { useMutation, useQueryClient } from '@tanstack/react-query';
import { showApiError } from '../../components/forms.js';

/** A change to a park's buildings or floors: any API call, then every query read again (the park, its spaces). */
export function useParkChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) => showApiError(error),
  });
}
