import type { ScopeType } from '../../contracts/roles.js';
import { type AuditNames, installAuditNames } from './audit/naming.js';
import { platformAuditNames } from './audit/platform-names.js';
import type { DemoAccount, DemoContext } from './demo.js';
import { type ErrorStatuses, installErrors } from './errors.js';
import type { App, Deps } from './http.js';
import type { JobHandler } from './jobs/jobs.js';
import { installMessages, type MessageSource } from './messages.js';
import { installPersonalDataHolder, type PersonalDataHolder } from './personal-data/holders.js';
import { installScopes, type ScopeResolver } from './scopes.js';

/**
 * A capability as the rest of the platform sees it: everything central (the app, the catalogs of wording and
 * error codes, scope names, background jobs, the demo seed) iterates the list of these definitions in
 * `modules/index.ts`. The platform never imports a module; a module never imports the list.
 */
export type ModuleDefinition = {
  /** The folder name, used in messages about the module. */
  name: string;
  /** Its Drizzle tables (the exports of its schema files): it alone queries them. */
  tables: Record<string, unknown>;
  /** Its server wording (errors, validation, e-mails, export headers), in three languages. */
  messages?: MessageSource[];
  /** Its error codes with their HTTP status; each has its `errors.<code>` message. */
  errors?: ErrorStatuses;
  /** The kinds of role scope it owns, with how they are named and chosen. */
  scopes?: Partial<Record<ScopeType, ScopeResolver>>;
  /** Registers its routes under /api/v1. */
  routes?: (app: App, deps: Deps) => Promise<void>;
  /** Its background jobs: queue name → handler. */
  jobs?: (deps: Deps) => Record<string, JobHandler<never>>;
  /** What it holds about people (Law 09-08): for their data export and the erasure of their data. */
  personalData?: PersonalDataHolder;
  /**
   * How the audit log names the records it audits (entity type → a batch of ids to display names, field labels,
   * value labels), so that the log reads as sentences about named things without the platform knowing the module.
   */
  auditNames?: AuditNames;
  /** Its part of the demo network, run in list order inside one transaction; answers the accounts it made. */
  demo?: (demo: DemoContext) => Promise<DemoAccount[] | undefined>;
};

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}

/**
 * Adds the modules' wording, error codes and scope kinds to the platform's catalogs. Idempotent, so that
 * every entry point (server, tests, scripts) can call it; two modules claiming one key or code are refused.
 */
export function installModules(modules: readonly ModuleDefinition[]): void {
  const names = new Set<string>();
  installAuditNames('platform', platformAuditNames);
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`modules: "${module.name}" is listed twice`);
    names.add(module.name);
    for (const source of module.messages ?? []) installMessages(module.name, source);
    installErrors(module.name, module.errors ?? {});
    installScopes(module.name, module.scopes ?? {});
    if (module.personalData) installPersonalDataHolder(module.name, module.personalData);
    if (module.auditNames) installAuditNames(module.name, module.auditNames);
  }
}

/** Registers every module's job handlers (before the workers start). */
export function registerModuleJobs(modules: readonly ModuleDefinition[], deps: Deps): void {
  for (const module of modules) {
    for (const [queue, handler] of Object.entries(module.jobs?.(deps) ?? {})) deps.jobs.register(queue, handler as JobHandler<unknown>);
  }
}
