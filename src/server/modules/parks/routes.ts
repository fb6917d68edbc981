import { z } from 'zod';
import { errorResponseSchema, exportQuerySchema } from '../../../contracts/lists.js';
import {
  buildingSchema,
  createBuildingBodySchema,
  createFloorBodySchema,
  createParkBodySchema,
  createSpaceBodySchema,
  floorSchema,
  parkDetailSchema,
  parkParamsSchema,
  parksPageSchema,
  parksQuerySchema,
  roadmapSchema,
  spaceSchema,
  spacesPageSchema,
  spacesQuerySchema,
  updateBuildingBodySchema,
  updateFloorBodySchema,
  updateParkBodySchema,
  updateSpaceBodySchema,
} from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { sendTable } from '../../platform/export.js';
import { type App, type Deps, serviceContext } from '../../platform/http.js';
import { translate } from '../../platform/messages.js';
import { createPark, getParkDetail, getRoadmap, listAllParks, listParks, updatePark } from './service.js';
import {
  createBuilding,
  createFloor,
  createSpace,
  deleteBuilding,
  deleteFloor,
  deleteSpace,
  getSpace,
  listAllSpaces,
  listSpaces,
  updateBuilding,
  updateFloor,
  updateSpace,
} from './spaces-service.js';

const idParams = z.object({ id: z.uuid() });
const managers = ['network_admin', 'park_manager'] as const;
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export async function registerParkRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.get(
    '/parks',
    {
      config: { access: 'public' },
      schema: { tags: ['parks'], summary: 'The parks of the network', querystring: parksQuerySchema, response: { 200: parksPageSchema } },
    },
    async (request) => listParks(db, request.locale, request.query),
  );

  app.get(
    '/parks/export',
    {
      config: { access: 'public' },
      schema: { tags: ['parks'], summary: 'The parks as CSV or XLSX', querystring: parksQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const locale = request.locale;
      const rows = await listAllParks(db, locale, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'parks',
        locale,
        rows,
        columns: [
          { header: 'export.park.slug', value: (park) => park.slug },
          { header: 'export.park.name', value: (park) => pickText(park.name, locale) },
          { header: 'export.park.city', value: (park) => pickText(park.city, locale) },
          { header: 'export.park.region', value: (park) => park.region },
          { header: 'export.park.status', value: (park) => translate(locale, `status.${park.status}`) },
          { header: 'export.park.openingDate', value: (park) => park.openingDate },
          { header: 'export.park.targetOpeningDate', value: (park) => park.targetOpeningDate },
          { header: 'export.park.sectors', value: (park) => park.sectors.join(', ') },
          { header: 'export.park.capacityCompanies', value: (park) => park.capacityCompanies },
          { header: 'export.park.spaceCount', value: (park) => park.stats.spaceCount },
          { header: 'export.park.leasableAreaM2', value: (park) => park.stats.leasableAreaM2 },
        ],
      });
    },
  );

  app.get(
    '/parks/roadmap',
    {
      config: { access: 'public' },
      schema: { tags: ['parks'], summary: 'Open, under-construction and planned parks with their dates', response: { 200: roadmapSchema } },
    },
    async () => getRoadmap(db),
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
    async (request, reply) => reply.status(201).send(await createPark(serviceContext(deps, request), request.body)),
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
    async (request) => getParkDetail(db, request.actor, request.params.park),
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
    async (request) => updatePark(serviceContext(deps, request), request.params.park, request.body),
  );

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
      reply.status(201).send(await createBuilding(serviceContext(deps, request), request.params.park, request.body)),
  );

  app.patch(
    '/buildings/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Rename a building',
        params: idParams,
        body: updateBuildingBodySchema,
        response: { 200: buildingSchema, ...errors },
      },
    },
    async (request) => updateBuilding(serviceContext(deps, request), request.params.id, request.body),
  );

  app.delete(
    '/buildings/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove an empty building', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteBuilding(serviceContext(deps, request), request.params.id);
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
        params: idParams,
        body: createFloorBodySchema,
        response: { 201: floorSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createFloor(serviceContext(deps, request), request.params.id, request.body)),
  );

  app.patch(
    '/floors/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Rename a floor',
        params: idParams,
        body: updateFloorBodySchema,
        response: { 200: floorSchema, ...errors },
      },
    },
    async (request) => updateFloor(serviceContext(deps, request), request.params.id, request.body),
  );

  app.delete(
    '/floors/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove an empty floor', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteFloor(serviceContext(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/parks/:park/spaces',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spaces'],
        summary: 'The spaces of a park',
        params: parkParamsSchema,
        querystring: spacesQuerySchema,
        response: { 200: spacesPageSchema, 404: errorResponseSchema },
      },
    },
    async (request) => listSpaces(db, request.actor, request.params.park, request.query),
  );

  app.get(
    '/parks/:park/spaces/export',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spaces'],
        summary: 'The spaces of a park as CSV or XLSX',
        params: parkParamsSchema,
        querystring: spacesQuerySchema.extend(exportQuerySchema.shape),
      },
    },
    async (request, reply) => {
      const rows = await listAllSpaces(db, request.actor, request.params.park, request.query);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'spaces',
        locale: request.locale,
        rows,
        columns: [
          { header: 'export.space.code', value: (space) => space.code },
          { header: 'export.space.name', value: (space) => space.name },
          { header: 'export.space.kind', value: (space) => space.kind },
          { header: 'export.space.building', value: (space) => space.buildingName },
          { header: 'export.space.floor', value: (space) => space.floorName },
          { header: 'export.space.areaM2', value: (space) => space.areaM2 },
          { header: 'export.space.desks', value: (space) => space.desks },
          { header: 'export.space.seats', value: (space) => space.seats },
          { header: 'export.space.bookable', value: (space) => space.bookable },
          { header: 'export.space.leasable', value: (space) => space.leasable },
          { header: 'export.space.amenities', value: (space) => space.amenities.join(', ') },
        ],
      });
    },
  );

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
    async (request, reply) => reply.status(201).send(await createSpace(serviceContext(deps, request), request.params.park, request.body)),
  );

  app.get(
    '/spaces/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['spaces'], summary: 'One space', params: idParams, response: { 200: spaceSchema, 404: errorResponseSchema } },
    },
    async (request) => getSpace(db, request.actor, request.params.id),
  );

  app.patch(
    '/spaces/:id',
    {
      config: { access: managers },
      schema: {
        tags: ['spaces'],
        summary: 'Edit a space',
        params: idParams,
        body: updateSpaceBodySchema,
        response: { 200: spaceSchema, ...errors },
      },
    },
    async (request) => updateSpace(serviceContext(deps, request), request.params.id, request.body),
  );

  app.delete(
    '/spaces/:id',
    {
      config: { access: managers },
      schema: { tags: ['spaces'], summary: 'Remove a space', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deleteSpace(serviceContext(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
