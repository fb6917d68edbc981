import type { z } from 'zod';
import { errorResponseSchema, exportQuerySchema, pageSchema } from '../../contracts/lists.js';
import type { RouteAccess } from './access.js';
import { sendTable } from './export.js';
import { type App, type Deps, serviceContext } from './http.js';
import type { List, ListWindow } from './lists.js';

type ListRoute<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Item extends z.ZodType,
  Listed extends z.infer<Item>,
  Header extends object,
> = {
  /** The list's path; its export answers at `${path}/export` with the same query plus `format`. */
  path: string;
  access: RouteAccess;
  tags: string[];
  summary: string;
  params?: Params;
  querystring: Query;
  item: Item;
  /** The page's fields besides its rows, for a list with a header (see `ListDefinition.header`). */
  header?: z.ZodType<Header> & { shape: z.ZodRawShape };
  /** Its items may carry more than the answer shows (what only the export's columns read): the answer keeps `item`'s fields. */
  list: List<z.infer<Params> & z.infer<Query>, Listed, Header>;
};

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/**
 * The two routes of a list: the page (JSON) and its CSV/XLSX export, both with the same filters and sort,
 * the path's parameters joined to the query as the list's input.
 */
export function registerList<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Item extends z.ZodType,
  Listed extends z.infer<Item> = z.infer<Item>,
  Header extends object = object,
>(app: App, deps: Deps, route: ListRoute<Params, Query, Item, Listed, Header>): void {
  const { path, access, tags, summary, params, querystring, item, header, list } = route;
  type Input = z.infer<Params> & z.infer<Query>;
  const paramsSchema = params ? { params } : {};
  const inputOf = (request: { params: unknown; query: unknown }) =>
    ({ ...(request.params as object), ...(request.query as object) }) as Input;

  app.get(
    path,
    {
      config: { access },
      schema: {
        tags,
        summary,
        ...paramsSchema,
        querystring,
        response: { 200: header ? pageSchema(item).extend(header.shape) : pageSchema(item), ...errors },
      },
    },
    async (request) => list.page(serviceContext(deps, request), inputOf(request) as Input & ListWindow),
  );

  app.get(
    `${path}/export`,
    {
      config: { access },
      schema: {
        tags,
        summary: `${summary} (CSV or XLSX)`,
        ...paramsSchema,
        querystring: querystring.extend(exportQuerySchema.shape),
        response: errors,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(deps, request);
      const input = inputOf(request) as Input & z.infer<typeof exportQuerySchema>;
      const table = await list.exportTable(ctx, input);
      return sendTable(reply, { format: input.format, locale: ctx.locale, ...table });
    },
  );
}
