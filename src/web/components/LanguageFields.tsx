import { Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { SomeLanguagesText } from '../../shared/localized-text.js';

/** What a form holds for a text given in one, two or three languages: one input each. */
export type ThreeLanguages = { fr: string; ar: string; en: string };

export function threeLanguages(text?: SomeLanguagesText | null): ThreeLanguages {
  return { fr: text?.fr ?? '', ar: text?.ar ?? '', en: text?.en ?? '' };
}

// biome-ignore lint/suspicious/noExplicitAny: any form's values: only its input props are used.
type FormWithInputs = Pick<UseFormReturnType<any>, 'getInputProps'>;

/**
 * One text in French, Arabic (right to left) and English, each under its own label; readers of a language left
 * empty read one of the others, so none is required by itself (the server says when none is given).
 */
export function LanguageFields({
  form,
  path,
  label,
  multiline = false,
  size,
}: {
  form: FormWithInputs;
  path: string;
  label: string;
  multiline?: boolean;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  return (
    <>
      {(['fr', 'ar', 'en'] as const).map((lang) =>
        multiline ? (
          <Textarea
            key={lang}
            label={`${label} (${t(`language.${lang}`)})`}
            dir={lang === 'ar' ? 'rtl' : 'ltr'}
            autosize
            minRows={2}
            maxRows={10}
            {...form.getInputProps(`${path}.${lang}`)}
          />
        ) : (
          <TextInput
            key={lang}
            size={size}
            label={`${label} (${t(`language.${lang}`)})`}
            dir={lang === 'ar' ? 'rtl' : 'ltr'}
            {...form.getInputProps(`${path}.${lang}`)}
          />
        ),
      )}
    </>
  );
}
