import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonalDataRead, personalDataReadsQuerySchema } from '../../../contracts/privacy.js';
import type { Column } from '../../platform/export.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { personalDataReads } from '../../platform/personal-data/schema.js';
import { describeRead } from './my-data.js';

type ReadsQuery = z.infer<typeof personalDataReadsQuerySchema>;

/** Who read the signed-in person's data, and what: their own log (Law 09-08). */
export const myDataReadsList = defineList({
  name: 'my-data-reads',
  source: (ctx, query: ReadsQuery) => {
    const direction = query.order === 'asc' ? asc : desc;
    return selectSource(
      ctx.db,
      () => ctx.db.select().from(personalDataReads).where(eq(personalDataReads.subjectUserId, ctx.actor.userId)).$dynamic(),
      [direction(personalDataReads.at), direction(personalDataReads.id)],
    );
  },
  present: (ctx, rows): PersonalDataRead[] =>
    rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorName: row.actorName,
      action: row.action,
      what: describeRead(row.action, ctx.locale),
    })),
  columns: (): Column<PersonalDataRead>[] => [
    { header: 'privacy.field.at', kind: 'instant', value: (read) => read.at },
    { header: 'privacy.field.reader', value: (read) => read.actorName },
    { header: 'privacy.field.what', value: (read) => read.what },
  ],
});
