import { defineConfig } from '@playwright/test';

// Another port when two checkouts run their journeys at once (E2E_PORT).
const port = Number(process.env.E2E_PORT ?? 3999);
// A real SMTP server catches the platform's e-mails; journeys read them over HTTP (e2e/support.ts mailTo).
const mailSmtpPort = port + 1;
export const mailHttpPort = port + 2;

// Browser journeys against the built app on a fresh embedded database with the demo network.
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: 'node dist/server/scripts/mail-catcher.js',
      url: `http://127.0.0.1:${mailHttpPort}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { MAIL_CATCHER_SMTP_PORT: String(mailSmtpPort), MAIL_CATCHER_HTTP_PORT: String(mailHttpPort) },
    },
    {
      command: `rm -rf .tmp/e2e-data && node dist/server/main.js --demo`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: '.tmp/e2e-data',
        DATABASE_URL: '',
        LOGIN_RATE_LIMIT: '1000',
        LOG_LEVEL: 'warn',
        SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
      },
    },
  ],
});
