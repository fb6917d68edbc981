import { expect, type Locator, type Page, test } from '@playwright/test';
import { newPerson, notice } from './support.js';

const callSlug = 'bureaux-casablanca-2027';
const callTitle = {
  fr: 'Attribution de bureaux — Technopark Casablanca, session 2027',
  ar: 'تخصيص المكاتب — تكنوبارك الدار البيضاء، دورة 2027',
};

/** Picks an entry of a Mantine select (a combobox with a listbox of options). */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A text field (inputs, text areas, dates, numbers) by its label. */
const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** The card of a form section, found by its heading. */
const section = (scope: Locator, heading: string) =>
  scope
    .locator('div')
    .filter({ has: scope.page().getByRole('heading', { name: heading, exact: true }) })
    .last();

/** Scores every criterion of the grid, each with a comment, and sends the evaluation after confirming. */
async function scoreEveryCriterion(
  page: Page,
  wording: { score: (n: number) => string; comment: string; general: string; submitted: string },
  scores: number[],
  note: string,
) {
  const form = page.getByTestId('score-form');
  await expect(form).toBeVisible();
  for (const [index, score] of scores.entries()) {
    await form.getByTestId(`scale-score-${index}`).getByText(String(score), { exact: true }).click();
    await expect(form.getByTestId(`scale-score-${index}`).getByRole('radio', { name: wording.score(score) })).toBeChecked();
    await textbox(form, wording.comment)
      .nth(index)
      .fill(`${note} (${index + 1})`);
  }
  await textbox(form, wording.general).fill(note);
  await form.getByTestId('submit-scores').click();
  await page.getByTestId('confirm-scores').click();
  await expect(notice(page, wording.submitted)).toBeVisible();
  await expect(page.getByTestId('own-evaluation')).toContainText(note);
  await expect(page.getByTestId('score-form')).toHaveCount(0);
}

test('an applicant applies in Arabic, two committee members score, the officer admits, the company appears', async ({ browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const companyName = `Nakhil Tech ${suffix}`;
  const applicantEmail = `founder.${suffix}@nakhil.ma`;
  const applicantPassword = 'nakhil-password-2026';
  // Typed day/month/year, as the date fields read dates in Arabic (and French and English).
  const creationDate = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
  let reference = '';
  let callId = '';
  let unassignedApplicationId = '';

  const applicant = await newPerson(browser, 'fr');
  await test.step('a visitor switches to Arabic and opens the open call', async () => {
    await applicant.goto('/');
    await applicant.getByTestId('language-switch').getByText('العربية').click();
    await expect(applicant.locator('html')).toHaveAttribute('dir', 'rtl');
    await applicant.getByRole('navigation').getByRole('link', { name: 'إعلانات الترشيح' }).click();
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('إعلانات الترشيح');
    const card = applicant.getByTestId('call-card').filter({ hasText: callTitle.ar });
    await card.getByRole('link', { name: 'عرض والترشح' }).click();
    await expect(applicant).toHaveURL(new RegExp(`/calls/${callSlug}$`));
    await expect(applicant.getByRole('heading', { level: 1 })).toHaveText(callTitle.ar);
    await expect(applicant.locator('html')).toHaveAttribute('dir', 'rtl');
    await applicant.getByTestId('apply').click();
  });

  await test.step('fills the form in Arabic, saves a draft and finds it again', async () => {
    const form = applicant.getByTestId('application-form');
    await expect(form).toBeVisible();
    const contact = section(form, 'معلومات الاتصال');
    await textbox(contact, 'الاسم الكامل').fill('سلمى النخيلي');
    await textbox(contact, 'البريد الإلكتروني').fill(applicantEmail);
    await textbox(contact, 'الهاتف').fill('+212 661 234 567');
    const company = section(form, 'المقاولة أو المشروع');
    await textbox(company, 'المقاولة أو المشروع').fill(companyName);
    await choose(applicant, company, 'المرحلة', 'مقاولة ناشئة');
    await choose(applicant, company, 'القطاع', 'تكنولوجيا المعلومات');
    await choose(applicant, company, 'الجهة', 'الدار البيضاء سطات');
    await textbox(company, 'تاريخ الإنشاء').fill(creationDate);
    await textbox(company, 'مساحة المكتب المطلوبة (م²)').fill('22');
    const questions = section(form, 'أسئلة الإعلان');
    await textbox(questions, 'قدموا مشروعكم في بضعة أسطر').fill('منصة لتدبير سلاسل التوريد الفلاحية بالذكاء الاصطناعي.');
    await textbox(questions, 'عدد أعضاء الفريق').fill('5');
    await questions.getByRole('radio', { name: 'منتوج أو خدمة' }).check();
    await textbox(questions, 'السوق المستهدفة والزبناء الأوائل').fill('التعاونيات الفلاحية في جهة الدار البيضاء سطات.');

    await form.getByTestId('save-draft').click();
    await expect(applicant.getByText('تم حفظ المسودة.')).toBeVisible();
    await expect(form.getByTestId('save-state')).toContainText('تم الحفظ');
    // The draft's secret stays in this browser: the form comes back as it was left.
    await applicant.reload();
    await expect(textbox(form, 'المقاولة أو المشروع')).toHaveValue(companyName);
    await expect(textbox(form, 'قدموا مشروعكم في بضعة أسطر')).toHaveValue(/سلاسل التوريد/);
    await expect(form.getByRole('radio', { name: 'منتوج أو خدمة' })).toBeChecked();
  });

  await test.step('submits, creating an account, and follows the application under My applications', async () => {
    const form = applicant.getByTestId('application-form');
    const account = section(form, 'الإيداع');
    await textbox(account, 'الاسم الكامل').fill('سلمى النخيلي');
    await textbox(account, 'البريد الإلكتروني للدخول').fill(applicantEmail);
    await textbox(account, 'كلمة المرور').fill(applicantPassword);
    await account.getByRole('checkbox', { name: /09-08/ }).check();
    await form.getByTestId('submit-application').click();

    const title = applicant.getByRole('heading', { level: 1 });
    await expect(title).toHaveText(/^الترشيح \d{4}-\d{4}$/);
    // The reference isolated in the Arabic sentence (src/web/components/Bdi.tsx): it reads 2026-0001, left to right.
    await expect(title.locator('bdi[dir=ltr]')).toHaveText(/^\d{4}-\d{4}$/);
    reference = /\d{4}-\d{4}/.exec((await title.textContent()) ?? '')?.[0] ?? '';
    await expect(applicant.getByText('تم استلام الترشيح.', { exact: false })).toBeVisible();
    await expect(applicant.getByTestId('user-menu')).toBeVisible();

    await applicant.getByRole('navigation').getByRole('link', { name: 'ترشيحاتي' }).click();
    await expect(applicant.locator('html')).toHaveAttribute('dir', 'rtl');
    const mine = applicant.getByTestId('my-application').filter({ hasText: reference });
    await expect(mine).toContainText(companyName);
    await expect(mine).toContainText('مودع');
    await expect(mine).toContainText(callTitle.ar);
  });
  await applicant.context().close();

  const officer = await newPerson(browser, 'fr', 'officer@technopark.demo');
  await test.step('the officer declares the new application eligible: it goes to the committee', async () => {
    await officer.getByRole('navigation').getByRole('link', { name: 'Gestion des appels' }).click();
    const row = officer.getByTestId('call-row').filter({ hasText: callTitle.fr });
    await row.getByRole('link', { name: /déposées/ }).click();
    await expect(officer.getByRole('heading', { level: 1 })).toHaveText(callTitle.fr);
    callId = /\/admin\/calls\/([0-9a-f-]{36})\/applications/.exec(officer.url())?.[1] ?? '';
    expect(callId).not.toBe('');

    // An application nobody has checked yet is assigned to no committee member.
    await choose(officer, officer, 'Statut', 'Déposée');
    const waiting = officer.getByTestId('application-row').filter({ hasText: 'Bladi Pay' });
    const href = await waiting.getByRole('link').first().getAttribute('href');
    unassignedApplicationId = href?.split('/').pop() ?? '';
    expect(unassignedApplicationId).toMatch(/^[0-9a-f-]{36}$/);

    await textbox(officer, 'Rechercher').fill(companyName);
    const mine = officer.getByTestId('application-row').filter({ hasText: companyName });
    await expect(mine).toContainText(reference);
    await expect(mine).toContainText('Déposée');
    await mine.getByTestId('open-eligibility').click();
    const dialog = officer.getByRole('dialog');
    await expect(dialog.getByTestId('eligibility-form')).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Éligible', exact: true })).toBeChecked();
    await dialog.getByTestId('decide-eligibility').click();
    await expect(dialog).toBeHidden();
    await expect(notice(officer, 'Candidature déclarée éligible.')).toBeVisible();
    await choose(officer, officer, 'Statut', 'En évaluation');
    await expect(officer.getByTestId('application-row').filter({ hasText: companyName })).toContainText('En évaluation');
  });

  const member = await newPerson(browser, 'fr', 'committee@technopark.demo');
  await test.step('a committee member cannot open an application not assigned to them', async () => {
    await member.goto(`/reviews/${unassignedApplicationId}`);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(member.getByText('Bladi Pay')).toHaveCount(0);
    await member.goto(`/admin/applications/${unassignedApplicationId}`);
    await expect(member.getByText('Accès refusé')).toBeVisible();
  });

  await test.step('the first committee member scores every criterion with a comment', async () => {
    await member.getByRole('navigation').getByRole('link', { name: 'Mes évaluations' }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Mes évaluations');
    await textbox(member, 'Rechercher').fill(companyName);
    const row = member.getByTestId('my-reviews').getByRole('row').filter({ hasText: companyName });
    await expect(row).toContainText('à noter');
    await row.getByRole('link', { name: reference }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(companyName);
    await expect(member.getByText('منصة لتدبير سلاسل التوريد الفلاحية')).toBeVisible();
    await scoreEveryCriterion(
      member,
      {
        score: (n) => `${n} sur une échelle de 0 à 5`,
        comment: 'Commentaire sur ce critère (facultatif)',
        general: 'Commentaire général',
        submitted: 'Évaluation envoyée.',
      },
      [4, 4, 3, 5, 4],
      'Équipe solide, marché à préciser',
    );
  });
  await member.context().close();

  const arabicMember = await newPerson(browser, 'fr', 'committee2@technopark.demo');
  await test.step('the second committee member, who reads Arabic, scores too', async () => {
    // Her account's language wins over this browser's French.
    await expect(arabicMember.locator('html')).toHaveAttribute('dir', 'rtl');
    await arabicMember.getByRole('navigation').getByRole('link', { name: 'تقييماتي' }).click();
    await textbox(arabicMember, 'بحث').fill(companyName);
    const row = arabicMember.getByTestId('my-reviews').getByRole('row').filter({ hasText: companyName });
    await expect(row).toContainText('في انتظار التقييم');
    await row.getByRole('link', { name: reference }).click();
    await expect(arabicMember.getByRole('heading', { level: 1 })).toHaveText(companyName);
    await expect(arabicMember.locator('html')).toHaveAttribute('dir', 'rtl');
    await scoreEveryCriterion(
      arabicMember,
      {
        score: (n) => `${n} على سلم من 0 إلى 5`,
        comment: 'تعليق على هذا المعيار (اختياري)',
        general: 'تعليق عام',
        submitted: 'تم إرسال التقييم.',
      },
      [5, 4, 4, 4, 3],
      'مشروع واعد وفريق متكامل',
    );
  });
  await arabicMember.context().close();

  await test.step('the officer sees two evaluations in the ranking and admits the company', async () => {
    await officer.goto(`/admin/calls/${callId}/review`);
    await textbox(officer, 'Rechercher').fill(companyName);
    const row = officer.getByTestId('ranking-row').filter({ hasText: companyName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('2 / 3 ont noté');
    await expect(row).toContainText(reference);
    await row.getByTestId('open-review').click();
    const sheet = officer.getByRole('dialog', { name: `${reference} · ${companyName}` });
    const members = sheet.getByTestId('review-members');
    await expect(members.getByRole('row').filter({ hasText: 'Omar Chraibi' })).toContainText('Équipe solide, marché à préciser');
    await expect(members.getByRole('row').filter({ hasText: 'Latifa Ouazzani' })).toContainText('مشروع واعد وفريق متكامل');
    const decision = sheet.getByTestId('decision-form');
    await decision.getByRole('radio', { name: 'Admis', exact: true }).check();
    await textbox(decision, 'Motif communiqué au candidat').fill('Projet innovant, bien noté par le comité.');
    await expect(textbox(decision, 'Surface demandée')).toHaveValue('22 m²');
    await decision.getByTestId('decide').click();
    await officer.getByTestId('confirm-decision').click();
    await expect(notice(officer, `Décision « Admis » enregistrée pour ${reference}.`)).toBeVisible();
    await expect(sheet.getByTestId('decision-form')).toHaveCount(0);
    await expect(sheet.getByTestId('decision-card')).toContainText('Admis');
  });

  await test.step('the officer records the minutes of the deliberation, and is told so', async () => {
    await officer.keyboard.press('Escape');
    const minutes = officer.getByTestId('deliberations');
    await minutes.getByLabel(/^Présents/).fill('Meryem Tazi');
    await minutes.getByLabel(/^Présents/).press('Enter');
    await minutes.getByLabel(/^Procès-verbal/).fill(`Admission de ${companyName} actée.`);
    await minutes.getByTestId('record-minutes').click();
    await expect(notice(officer, 'Procès-verbal enregistré.')).toBeVisible();
    await expect(minutes).toContainText(`Admission de ${companyName} actée.`);
  });

  await test.step('the company appears among the companies, admitted', async () => {
    await officer.getByRole('navigation').getByRole('link', { name: 'Entreprises', exact: true }).click();
    await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Entreprises');
    await textbox(officer, 'Rechercher').fill(companyName);
    const row = officer.getByTestId('company-row').filter({ hasText: companyName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Admise');
    await expect(row).toContainText('Technopark Casablanca');
  });
  await officer.context().close();

  const admitted = await newPerson(browser, 'fr', applicantEmail, applicantPassword);
  await test.step('the applicant, signing in again, reads the decision and has their company', async () => {
    // The account was created in Arabic, the language the form was filled in.
    await expect(admitted.locator('html')).toHaveAttribute('dir', 'rtl');
    const navigation = admitted.getByRole('navigation');
    await navigation.getByRole('link', { name: 'ترشيحاتي' }).click();
    const mine = admitted.getByTestId('my-application').filter({ hasText: reference });
    await expect(mine).toContainText('مقبول');
    await expect(mine).toContainText('Projet innovant, bien noté par le comité.');
    await navigation.getByRole('link', { name: 'مقاولتي' }).click();
    await expect(admitted.getByRole('heading', { level: 1 })).toHaveText(companyName);
    await expect(admitted.locator('html')).toHaveAttribute('dir', 'rtl');
    // Its history starts with the application and the committee's admission, under the application's reference.
    await admitted.getByRole('tab', { name: 'المسار' }).click();
    const history = admitted.getByTestId('history-event');
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText('مترشحة');
    await expect(history.nth(1)).toContainText('مقبولة');
    await expect(history.nth(1)).toContainText(reference);
  });
  await admitted.context().close();

  const admin = await newPerson(browser, 'fr', 'admin@technopark.demo');
  await test.step('the decision letter left in Arabic', async () => {
    await admin.goto('/admin/outbox');
    const mails = admin.getByTestId('outbox-email').filter({ hasText: applicantEmail });
    // The receipt of the submission, then the decision letter: both in the applicant's language.
    await expect(mails).toHaveCount(2);
    await expect(mails.filter({ hasText: `تم استلام الترشيح ${reference}` })).toHaveCount(1);
    const letter = mails.filter({ hasText: `ترشيحكم ${reference} لـ«${callTitle.ar}»: القرار` });
    await expect(letter).toHaveCount(1);
    await expect(letter).toContainText('يسعدنا إخباركم بأن لجنة الانتقاء قبلت ترشيحكم');
    await expect(letter).toContainText('22 م²');
  });
  await admin.context().close();
});
