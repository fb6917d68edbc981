import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../components/feedback.js';

/**
 * A change to a park's buildings or floors: any API call, its confirmation in the reader's words, then every query
 * read again (the park, its spaces). `form` receives the server's field problems (a floor level already taken).
 */
export function useParkChange(form?: unknown) {
  const client = useQueryClient();
  return useAction({
    mutationFn: ({ call }: { call: () => Promise<unknown>; success: string }) => call(),
    success: (_result, { success }) => success,
    onSuccess: () => client.invalidateQueries(),
    form,
  });
}
