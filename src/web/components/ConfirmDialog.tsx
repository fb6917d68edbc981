import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What to ask before an action that cannot be taken back: the question, the button that does it, and the action. */
export type ConfirmRequest = {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  title?: string;
  /** A removal: the button is red. */
  danger?: boolean;
};

/**
 * Asks before acting, in the app's own dialog (the browser's `confirm()` speaks the browser's language, not the
 * reader's, and cannot be styled or read right to left): `ask(request)` opens it, `dialog` is placed in the page.
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  return { ask: setRequest, dialog: <ConfirmDialog request={request} onClose={() => setRequest(null)} /> };
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={request !== null} onClose={onClose} title={request?.title ?? t('common.confirmTitle')} centered>
      {request && (
        <Stack data-testid="confirm-dialog">
          <Text>{request.message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={request.danger ? 'red' : undefined}
              onClick={() => {
                onClose();
                request.onConfirm();
              }}
              data-testid="confirm-action"
            >
              {request.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
