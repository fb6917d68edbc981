import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Locale } from '../../shared/locales.js';
import type { Config } from '../config.js';
import type { Database, DatabaseKind } from '../db/database.js';
import type { Actor, RouteAccess } from './access.js';
import type { Auth } from './auth/auth.js';
import type { ServiceContext } from './context.js';
import type { Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail/service.js';

export type Deps = {
  config: Config;
  db: Database;
  databaseKind: DatabaseKind;
  databaseVersion: () => Promise<string>;
  auth: Auth;
  mailer: Mailer;
  /** Background jobs: modules register their queues' handlers with their routes and enqueue from services. */
  jobs: Jobs;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api/v1 route must say it. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
  }
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** The context of a service call made for a request: its actor and language, the app's database and services. */
export function serviceContext(deps: Deps, request: FastifyRequest): ServiceContext {
  return contextOf(deps, request.actor, request.locale);
}

/** A context for work no request carries (background jobs, the demo seed): the actor says on whose behalf. */
export function contextOf(deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'jobs'>, actor: Actor, locale: Locale): ServiceContext {
  return { db: deps.db, actor, locale, mailer: deps.mailer, publicUrl: deps.config.publicUrl, jobs: deps.jobs };
}

/** Standard error answers for the OpenAPI description. */
export { errorResponseSchema } from '../../contracts/lists.js';

/** A file made for download (an import template, a person's data): its name, its type and its bytes. */
export type Attachment = { filename: string; contentType: string; body: string | Buffer };

/** Answers with the file as a download under its name. */
export function sendAttachment(reply: FastifyReply, file: Attachment) {
  return reply.header('content-disposition', `attachment; filename="${file.filename}"`).type(file.contentType).send(file.body);
}
