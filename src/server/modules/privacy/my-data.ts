import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/locales.js';
import { users } from '../../platform/auth/schema.js';
import type { ReadContext, ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { localDateText } from '../../platform/export.js';
import { describeGrants } from '../../platform/grants/service.js';
import type { Attachment } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import { type PersonalDataSection, personalDataHolders } from '../../platform/personal-data/holders.js';
import { personalDataReads } from '../../platform/personal-data/schema.js';

/** What a read of the person's data was, in words: the action's list or record. */
const readWording: Record<string, string> = {
  people: 'privacy.read.people',
  'person.view': 'privacy.read.person',
  'company-members': 'privacy.read.companyMembers',
  applications: 'privacy.read.applications',
  'application.view': 'privacy.read.application',
  'application.read_file': 'privacy.read.applicationFile',
  ranking: 'privacy.read.ranking',
  reviews: 'privacy.read.reviews',
  'review.view': 'privacy.read.review',
};

export function describeRead(action: string, locale: Locale): string {
  const key = readWording[action] ?? readWording[action.replace(/\.(read|export)$/, '')];
  return key ? translate(locale, key) : translate(locale, 'privacy.read.other', { action });
}

/** The account, its roles and who read its data: what the platform itself holds about the person. */
async function accountSections(ctx: ReadContext, userId: string): Promise<PersonalDataSection[]> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  const grants = (await describeGrants(ctx, [userId])).get(userId) ?? [];
  const reads = await ctx.db
    .select()
    .from(personalDataReads)
    .where(eq(personalDataReads.subjectUserId, userId))
    .orderBy(asc(personalDataReads.at), asc(personalDataReads.id));
  return [
    {
      title: 'privacy.section.account',
      columns: [
        { key: 'name', header: 'privacy.field.name' },
        { key: 'email', header: 'privacy.field.email' },
        { key: 'locale', header: 'privacy.field.language' },
        { key: 'createdAt', header: 'privacy.field.createdAt' },
      ],
      rows: [{ name: user.name, email: user.email, locale: user.locale, createdAt: user.createdAt.toISOString() }],
    },
    {
      title: 'privacy.section.roles',
      columns: [
        { key: 'role', header: 'privacy.field.role' },
        { key: 'scope', header: 'privacy.field.scope' },
      ],
      rows: grants.map((grant) => ({ role: translate(ctx.locale, `role.${grant.role}`), scope: grant.scopeName })),
    },
    {
      title: 'privacy.section.reads',
      columns: [
        { key: 'at', header: 'privacy.field.at' },
        { key: 'reader', header: 'privacy.field.reader' },
        { key: 'what', header: 'privacy.field.what' },
      ],
      rows: reads.map((read) => ({ at: read.at.toISOString(), reader: read.actorName, what: describeRead(read.action, ctx.locale) })),
    },
  ];
}

export type MyData = {
  exportedAt: string;
  person: { id: string; name: string; email: string };
  sections: { title: string; rows: PersonalDataSection['rows'] }[];
};

/** Everything the platform holds about the person (Law 09-08, right of access), section by section. */
export async function collectPersonalData(ctx: ReadContext, userId: string): Promise<{ sections: PersonalDataSection[]; data: MyData }> {
  const sections = [...(await accountSections(ctx, userId))];
  for (const holder of personalDataHolders()) sections.push(...(await holder.collect(ctx, userId)));
  const account = sections[0].rows[0];
  const data: MyData = {
    exportedAt: new Date().toISOString(),
    person: { id: userId, name: String(account.name), email: String(account.email) },
    sections: sections.map((section) => ({ title: translate(ctx.locale, section.title), rows: section.rows })),
  };
  return { sections, data };
}

/** The same data as a workbook a person can open: one sheet per section, headers in their language. */
export async function personalDataWorkbook(locale: Locale, sections: PersonalDataSection[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const section of sections) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], unique.
    let name = translate(locale, section.title)
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28);
    while (used.has(name)) name = `${name.slice(0, 26)} ${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ rightToLeft: locale === 'ar' }] });
    sheet.columns = section.columns.map((column) => ({ header: translate(locale, column.header), key: column.key, width: 28 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The person's data as the file they download: a workbook to read, or JSON for another service. */
export async function myDataFile(ctx: ServiceContext, format: 'json' | 'xlsx'): Promise<Attachment> {
  const { sections, data } = await collectPersonalData(ctx, ctx.actor.userId);
  const filename = `my-data-${localDateText(new Date(), 'date')}.${format}`;
  if (format === 'xlsx')
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await personalDataWorkbook(ctx.locale, sections),
    };
  return { filename, contentType: 'application/json; charset=utf-8', body: JSON.stringify(data, null, 2) };
}
