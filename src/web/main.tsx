import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { type CSSVariablesResolver, createTheme, DirectionProvider, Drawer, MantineProvider, Modal, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { textDirection } from '../shared/locales.js';
import { ApiError } from './api.js';
import { currentLocale, i18n, startI18n } from './i18n/index.js';
import { router } from './router.js';
import { askSessionAtStart } from './session.js';

/** The theme in the reader's language: dialogs' close buttons are named for screen readers. */
function themeFor(close: string) {
  const closeButtonProps = { 'aria-label': close };
  return createTheme({
    primaryColor: 'teal',
    // Shade 9 keeps white text on filled buttons above 4.5:1.
    primaryShade: 9,
    fontFamily: "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif",
    defaultRadius: 'md',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}

function ThemedApp() {
  const { t } = useTranslation();
  const close = t('common.close');
  const theme = useMemo(() => themeFor(close), [close]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Keeps Mantine's direction in step with the language, whoever changes it. */
function DirectionSync() {
  const { setDirection } = useDirection();
  useEffect(() => {
    const follow = () => setDirection(textDirection(currentLocale()));
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [setDirection]);
  return null;
}

const darkText = {
  teal: '#05543d',
  violet: '#4c2889',
  orange: '#8a2c06',
  grape: '#6b1f7a',
  blue: '#0b4a8b',
  red: '#8f1d1d',
  gray: '#343a40',
};

// Contrast: Mantine's default dimmed text and light/outline badge colours fall under WCAG AA (4.5:1) on white.
const contrastResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    ...Object.fromEntries(Object.entries(darkText).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
    '--mantine-primary-color-light-color': darkText.teal,
    '--mantine-color-gray-outline': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function render() {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DirectionProvider initialDirection={textDirection(currentLocale())} detectDirection={false}>
          <DirectionSync />
          <ThemedApp />
        </DirectionProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

// The first page is drawn in the reader's language or not at all (no keys on screen): its wording and the page's own
// code (a chunk per page, router.tsx) are fetched side by side before it. A wording that cannot be fetched still
// leaves a page to use. Who is signed in is asked meanwhile too.
askSessionAtStart();
Promise.allSettled([startI18n(), router.load()]).then((results) => {
  for (const result of results) if (result.status === 'rejected') console.error(result.reason);
  render();
});
