import { z } from 'zod';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { parkParamsSchema } from '../../../../contracts/parks.js';
import {
  allocateBodySchema,
  waitingListEntryParamsSchema,
  waitingListEntrySchema,
  waitingListHeaderSchema,
  waitingListParkSummarySchema,
  waitingListParksQuerySchema,
  waitingListQuerySchema,
  withdrawBodySchema,
} from '../../../../contracts/reviews.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { allocateEntry, withdrawEntry } from './entries-service.js';
import { waitingList, waitingListParkList } from './waiting-list.js';

const readers = ['network_admin', 'park_manager', 'program_officer'] as const;
const keepers = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The parks' waiting lists: which parks the reader follows, a park's queue, allocations and withdrawals. */
export async function registerWaitingListRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/waiting-lists',
    access: readers,
    tags: ['waiting list'],
    summary: 'The parks whose waiting lists I read, with how many companies wait',
    querystring: waitingListParksQuerySchema,
    item: waitingListParkSummarySchema,
    list: waitingListParkList,
  });

  registerList(app, deps, {
    path: '/parks/:park/waiting-list',
    access: readers,
    tags: ['waiting list'],
    summary: 'A park’s waiting list, first come first served; filter by the unit size that frees up',
    params: parkParamsSchema,
    querystring: waitingListQuerySchema,
    item: waitingListEntrySchema,
    header: waitingListHeaderSchema,
    list: waitingList,
  });

  app.post(
    '/waiting-list/:id/allocate',
    {
      config: { access: keepers },
      schema: {
        tags: ['waiting list'],
        summary: 'A unit was allocated to this company: it leaves the queue',
        params: waitingListEntryParamsSchema,
        body: allocateBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await allocateEntry(ctx(request), { id: request.params.id, allocation: request.body });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/waiting-list/:id/withdraw',
    {
      config: { access: keepers },
      schema: {
        tags: ['waiting list'],
        summary: 'The company no longer waits (with a note saying why)',
        params: waitingListEntryParamsSchema,
        body: withdrawBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawEntry(ctx(request), { id: request.params.id, withdrawal: request.body });
      return reply.status(204).send(null);
    },
  );
}
