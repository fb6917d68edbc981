import { z } from 'zod';
import { errorResponseSchema, idParamsSchema } from '../../../contracts/lists.js';
import {
  buildingSchema,
  createBuildingBodySchema,
  createFloorBodySchema,
  createParkBodySchema,
  createSpaceBodySchema,
  floorSchema,
  parkDetailSchema,
  parkParamsSchema,
  parkSchema,
  parksQuerySchema,
  roadmapSchema,
  spaceSchema,
  spacesQuerySchema,
  updateBuildingBodySchema,
  updateFloorBodySchema,
  updateParkBodySchema,
  updateSpaceBodySchema,
} from '../../../contracts/parks.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { registerList } from '../../platform/list-routes.js';
import { createPark, getParkDetail, getRoadmap, parkList, updatePark } from './service.js';
import {
  createBuilding,
  createFloor,
  createSpace,
  deleteBuilding,
  deleteFloor,
  deleteSpace,
  getSpace,
  spaceList,
  updateBuilding,
  updateFloor,
  updateSpace,
} from './spaces-service.js';

const managers = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** The parks of the network and the roadmap. */
export async function registerParkRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/parks',
    access: 'public',
    tags: ['parks'],
    summary: 'The parks of the network',
    querystring: parksQuerySchema,
    item: parkSchema,
    list: parkList,
  });

  app.get(
    '/parks/roadmap',
    {
      config: { access: 'public' },
      schema: { tags: ['parks'], summary: 'Open, under-construction and planned parks with their dates', response: { 200: roadmapSchema } },
    },
    async (request) => getRoadmap(ctx(request)),
  );

  app.post(
    '/parks',
    {
      config: { access: ['network_admin'] },
      schema: {
        tags: ['parks'],
        summary: 'Open a new park on the roadmap',
        body: createParkBodySchema,
        response: { 201: parkDetailSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createPark(ctx(request), request.body)),
  );

  app.get(
    '/parks/:park',
    {
      config: { access: 'public' },
      schema: {
        tags: ['parks'],
        summary: 'A park by id or short name, with buildings and floors',
        params: parkParamsSchema,
        response: { 200: parkDetailSchema, 404: errorResponseSchema },
      },
    },
    async (request) => getParkDetail(ctx(request), request.params.park),
  );

  app.patch(
    '/parks/:park',
    {
      config: { access: managers },
      schema: {
        tags: ['parks'],
        summary: 'Edit a park (its managers; status and short name: network admins)',
        params: parkParamsSchema,
        body: updateParkBodySchema,
        response: { 200: parkDetailSchema, ...errors },
      },
    },
    async (request) => updatePark(ctx(request), { park: request.params.park, changes: request.body }),
  );
}

/** Buildings and their floors, edited by the park's managers. */
export async function registerBuildingRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  app.post(
    '/parks/:park/buildings',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Add a building',
        params: parkParamsSchema,
        body: createBuildingBodySchema,
        response: { 201: buildingSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBuilding(ctx(request), { park: request.params.park, building: request.body })),
  );

  app.patch(
    '/buildings/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Rename a building',
        params: idParamsSchema,
        body: updateBuildingBodySchema,
        response: { 200: buildingSchema, ...errors },
      },
    },
    async (request) => updateBuilding(ctx(request), { id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/buildings/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove an empty building', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteBuilding(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/buildings/:id/floors',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Add a floor',
        params: idParamsSchema,
        body: createFloorBodySchema,
        response: { 201: floorSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFloor(ctx(request), { buildingId: request.params.id, floor: request.body })),
  );

  app.patch(
    '/floors/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Rename a floor',
        params: idParamsSchema,
        body: updateFloorBodySchema,
        response: { 200: floorSchema, ...errors },
      },
    },
    async (request) => updateFloor(ctx(request), { id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/floors/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove an empty floor', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteFloor(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** The spaces of a park: listed publicly (active ones), managed by its managers. */
export async function registerSpaceRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  registerList(app, deps, {
    path: '/parks/:park/spaces',
    access: 'public',
    tags: ['spaces'],
    summary: 'The spaces of a park',
    params: parkParamsSchema,
    querystring: spacesQuerySchema,
    item: spaceSchema,
    list: spaceList,
  });

  app.post(
    '/parks/:park/spaces',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Create a space',
        params: parkParamsSchema,
        body: createSpaceBodySchema,
        response: { 201: spaceSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createSpace(ctx(request), { park: request.params.park, space: request.body })),
  );

  app.get(
    '/spaces/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['spaces'], summary: 'One space', params: idParamsSchema, response: { 200: spaceSchema, 404: errorResponseSchema } },
    },
    async (request) => getSpace(ctx(request), request.params.id),
  );

  app.patch(
    '/spaces/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Edit a space',
        params: idParamsSchema,
        body: updateSpaceBodySchema,
        response: { 200: spaceSchema, ...errors },
      },
    },
    async (request) => updateSpace(ctx(request), { id: request.params.id, changes: request.body }),
  );

  app.delete(
    '/spaces/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove a space', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteSpace(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
