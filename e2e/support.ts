import { type Browser, expect, type Page, test } from '@playwright/test';

export const demoPassword = 'demo-password-2026';

export const demoAccounts = [
  { role: 'network_admin', email: 'admin@technopark.demo', name: 'Nadia Benali' },
  { role: 'park_manager', email: 'manager.casablanca@technopark.demo', name: 'Karim El Idrissi' },
  { role: 'program_officer', email: 'officer@technopark.demo', name: 'Meryem Tazi' },
  { role: 'committee_member', email: 'committee@technopark.demo', name: 'Omar Chraibi' },
  { role: 'partner_staff', email: 'partner@technopark.demo', name: 'Hicham Alaoui' },
  { role: 'company_admin', email: 'company.admin@technopark.demo', name: 'Imane Berrada' },
  { role: 'company_member', email: 'company.member@technopark.demo', name: 'Mehdi Lahlou' },
  { role: 'merchant', email: 'merchant@technopark.demo', name: 'Rachid Kettani' },
  // No role: an account made when submitting an application (the other committee members hold the same role as Omar).
  { role: 'applicant', email: 'applicant@technopark.demo', name: 'Ghita Benjelloun' },
] as const;

/** Starts in French whatever the browser says, as a first-time visitor who picked French. */
export async function preferLanguage(page: Page, locale: 'fr' | 'ar' | 'en') {
  await page.addInitScript((value) => {
    if (!localStorage.getItem('technopark.lang')) localStorage.setItem('technopark.lang', value);
  }, locale);
}

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
}

/** Fills and sends the sign-in form of the page the person is on (its address may say where to go next). */
export async function submitSignIn(page: Page, email: string, password = demoPassword) {
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // Signing in ends on the person's start page: a journey goes on from there, not from a page left behind.
  await expect(page).not.toHaveURL(/\/sign-in(\?|$)/);
}

/**
 * Someone on a browser of their own (own cookies and storage), starting in `locale` until their account
 * says otherwise, and signed in when an e-mail is given.
 */
export async function newPerson(browser: Browser, locale: 'fr' | 'ar' | 'en', email?: string, password = demoPassword) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await preferLanguage(page, locale);
  if (email) await signIn(page, email, password);
  return page;
}

/**
 * The signed-in person reads the app as if their account's language were `locale`, without changing the account
 * (other journeys meet the demo accounts as they are): the answers of `GET /api/v1/session` say `locale`, the web app
 * follows, and every request then asks the server for that language.
 */
export async function readAccountIn(page: Page, locale: 'fr' | 'ar' | 'en') {
  await page.route('**/api/v1/session', async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const response = await route.fetch();
    const { me } = await response.json();
    if (!me) return route.fulfill({ response });
    return route.fulfill({ response, json: { me: { ...me, user: { ...me.user, locale } } } });
  });
}

/** The notification (success or failure) that says `text`, as the reader sees it at the top of the page. */
export function notice(page: Page, text: string | RegExp) {
  return page.locator('.mantine-Notification-root').filter({ hasText: typeof text === 'string' ? readAs(text) : text });
}

/**
 * `text` as a pattern that matches it as the reader sees it: the values in the app's sentences are wrapped in
 * invisible bidirectional isolates (src/web/i18n/isolate.ts), which may stand anywhere in the text; case aside.
 */
export function readAs(text: string): RegExp {
  const characters = [...text].map((character) => character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(characters.join('[\\u2066-\\u2069]*'), 'i');
}

type CaughtMessage = { to: string[]; subject: string; text: string; html: string; contentLanguage: string | null };

/**
 * The newest e-mail delivered to an address, as the SMTP server the journeys run beside received it (the
 * platform sends after commit, so it is waited for).
 */
export async function mailTo(address: string, matching: (message: CaughtMessage) => boolean = () => true): Promise<CaughtMessage> {
  const port = Number(process.env.E2E_PORT ?? 3999) + 2;
  let found: CaughtMessage | undefined;
  let seen: CaughtMessage[] = [];
  try {
    await expect
      .poll(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/?to=${encodeURIComponent(address)}`);
          seen = (await response.json()) as CaughtMessage[];
          found = seen.find(matching);
          return Boolean(found);
        },
        { message: `an e-mail to ${address}`, timeout: 15_000 },
      )
      .toBe(true);
  } catch (error) {
    // Say what did arrive for the address: a message that came but did not match is another failure than none.
    const arrived = seen.map((message) => `"${message.subject}": ${message.text.slice(0, 300)}`).join('\n');
    throw new Error(`${(error as Error).message}\nmessages to ${address}: ${seen.length}\n${arrived}`);
  }
  return found as CaughtMessage;
}

/** A picture of the page as the reader sees it, in the test's output folder, for a person to look at. */
export async function photograph(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: false });
}
