import { z } from 'zod';

/** Query of every list: page, page size, sort field and order, free-text search. */
export function listQuerySchema<const Fields extends readonly [string, ...string[]]>(sortFields: Fields) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    sort: z.enum(sortFields).default(sortFields[0] as Fields[0]),
    order: z.enum(['asc', 'desc']).default('asc'),
    q: z.string().trim().max(100).optional(),
    /** `exact`: count every row (a progress figure); otherwise a large total is an estimate (`totalExact` false). */
    count: z.enum(['exact']).optional(),
  });
}

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** False when `total` is the database's estimate (past a few thousand rows; ask `count=exact` for the count). */
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type Page<Item> = { items: Item[]; total: number; totalExact: boolean; page: number; pageSize: number };

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const exportQuerySchema = z.object({ format: exportFormatSchema.default('csv') });

export const isoDateSchema = z.iso.date();

/** A phone number as people write it in Morocco: digits, spaces and + ( ) . - */
export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ().-]*$/, 'validation.phone_format');
export const idParamsSchema = z.object({ id: z.uuid() });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
