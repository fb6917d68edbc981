import { IconAlertTriangle } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { i18n } from '../../../i18n/index.js';

/** Amber dark enough to read on white (5.2:1), unlike an error's red: a warning is not a refusal. */
const warningColor = '#b35000';

/**
 * A field's warning, said where its error would be: what it holds does not follow its rule yet (the draft is
 * saved all the same; submission will refuse it). Worded "to check before submitting: …", with a sign, and
 * drawn in amber through the error slot (so that it is announced with the field), never when the field has an
 * error of its own.
 */
export function warningProps(error: ReactNode, warning: string | undefined): { error?: ReactNode; style?: CSSProperties } {
  if (error || !warning) return {};
  return {
    error: (
      <span data-testid="field-warning">
        <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: '-2px', marginInlineEnd: 4 }} />
        {i18n.t('applications.warning', { message: warning })}
      </span>
    ),
    style: { '--mantine-color-error': warningColor } as CSSProperties,
  };
}
