import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickLocale } from '../shared/locales.js';
import { modules } from './modules/index.js';
import { Actor, checkRouteAccess } from './platform/access.js';
import { registerAuditRoutes } from './platform/audit/routes.js';
import { registerAuthRoutes } from './platform/auth/routes.js';
import { resolveActor } from './platform/auth/session.js';
import { handleError } from './platform/error-handler.js';
import { AppError } from './platform/errors.js';
import type { App, Deps } from './platform/http.js';
import { registerOutboxRoutes } from './platform/mail/routes.js';
import { installModules, registerModuleJobs } from './platform/module.js';
import { validatorCompiler } from './platform/validation.js';
import { registerWebApp } from './web-app.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AppOptions = { logger?: FastifyServerOptions['logger'] };

/** The Fastify instance: platform plugins, then every module's routes under /api/v1 and its jobs' handlers. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  installModules(modules);
  registerModuleJobs(modules, deps);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Only JSON bodies: a cross-site HTML form cannot send one without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  await registerSecurity(app, deps);
  registerAccessCheck(app, deps);
  await registerOpenApi(app, deps);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>() as unknown as App;
      await registerAuthRoutes(typed, deps);
      for (const module of modules) await module.routes?.(typed, deps);
      await registerAuditRoutes(typed, deps);
      await registerOutboxRoutes(typed, deps);
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app);
  return app;
}

/** Cookies, security headers, rate limits, the reader's language, and the CSRF origin check. */
async function registerSecurity(app: App, deps: Deps) {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: deps.config.production ? [] : null,
      },
    },
    hsts: deps.config.production,
  });
  await app.register(fastifyRateLimit, { global: false });

  const publicOrigin = new URL(deps.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    request.actor = Actor.anonymous();
    // CSRF: a state-changing request must come from our own pages, at the address people use (PUBLIC_URL),
    // whatever Host the request names.
    if (unsafeMethods.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== publicOrigin) throw new AppError('cross_site');
      if (!origin && request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('cross_site');
    }
  });
}

/** Every /api/v1 route says who may call it; the actor is resolved and checked before its handler. */
function registerAccessCheck(app: App, deps: Deps) {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare who may call it (config.access)`);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return;
    request.actor = await resolveActor(deps.auth, deps.db, request);
    // Request logs say who asked, by account id (never the e-mail): the rest of the request logs with it.
    if (request.actor.user) {
      request.log = request.log.child({ accountId: request.actor.user.id });
      reply.log = request.log;
    }
    checkRouteAccess(access, request.actor);
  });
}

/** The OpenAPI document, its docs page, and the health check. */
async function registerOpenApi(app: App, deps: Deps) {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Technopark API', version: '1', description: 'The HTTP API of the technology-park network platform.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'technopark.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness with the database kind and version',
        response: { 200: z.object({ status: z.literal('ok'), database: z.object({ kind: z.string(), version: z.string() }) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: { kind: deps.databaseKind, version: await deps.databaseVersion() } }),
  );
}
