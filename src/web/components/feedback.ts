import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { ApiError } from '../api.js';
import { i18n } from '../i18n/index.js';

/**
 * What the reader is told after an action: one confirmation when it worked, the server's message when it did not.
 * Error notifications stay listed here so that the next success clears them: a fixed form must not keep saying it failed.
 */
const openErrors = new Set<string>();

function clearErrors() {
  for (const id of openErrors) notifications.hide(id);
  openErrors.clear();
}

/** A failure in a notification; `persistent` keeps it until the next success or until closed (a conflict to resolve). */
export function notifyError(message: string, options: { persistent?: boolean } = {}) {
  const id = notifications.show({
    color: 'red',
    message,
    autoClose: options.persistent ? false : 6000,
    onClose: () => openErrors.delete(id),
  });
  openErrors.add(id);
  return id;
}

/** Confirms what happened, in the reader's language, and clears the errors earlier attempts left on screen. */
export function notifySuccess(message: string, color = 'teal') {
  clearErrors();
  notifications.show({ color, message });
}

/** A confirmation: its words, and a colour when what happened deserves a look (orange: done, but nobody was written to). */
export type Confirmation = string | { message: string; color: string };

type AnyForm = UseFormReturnType<never>;

/**
 * Puts the server's field problems under their fields (`fieldOf` maps a problem's path to the form's field when they
 * differ) and its message in a notification.
 */
export function showApiError(error: unknown, form?: UseFormReturnType<never>, fieldOf: (path: string) => string = (path) => path) {
  if (error instanceof ApiError) {
    if (form && error.details.length) {
      form.setErrors(Object.fromEntries(error.details.map((detail) => [fieldOf(detail.path), detail.message])));
    }
    notifyError(error.message, { persistent: error.status === 409 });
    return;
  }
  notifyError(i18n.t('errors.network'));
}

type ActionOptions<Data, Variables> = Omit<UseMutationOptions<Data, Error, Variables>, 'onError' | 'onSuccess'> & {
  /**
   * The confirmation the reader sees, in their language (the action's result and input at hand); `null` only where
   * the page itself then says what happened in its place (a password reset's "check your mailbox").
   */
  success: (data: Data, variables: Variables) => Confirmation | null;
  onSuccess?: (data: Data, variables: Variables) => unknown;
  /** The form whose fields receive the server's field problems. */
  form?: unknown;
  fieldOf?: (path: string) => string;
  /** Runs before the failure is shown; returning `'handled'` means it was shown another way. */
  onError?: (error: Error, variables: Variables) => unknown;
};

/** An action of the reader (a mutation) that always says what happened: the one way pages change data. */
export function useAction<Data = unknown, Variables = void>({
  success,
  onSuccess,
  form,
  fieldOf,
  onError,
  ...options
}: ActionOptions<Data, Variables>) {
  return useMutation<Data, Error, Variables>({
    ...options,
    onSuccess: async (data, variables) => {
      const confirmation = success(data, variables);
      if (confirmation === null) clearErrors();
      else if (typeof confirmation === 'string') notifySuccess(confirmation);
      else notifySuccess(confirmation.message, confirmation.color);
      await onSuccess?.(data, variables);
    },
    onError: async (error, variables) => {
      const outcome = onError?.(error, variables);
      if (outcome === 'handled') return;
      showApiError(error, form as AnyForm | undefined, fieldOf);
      await outcome;
    },
  });
}
