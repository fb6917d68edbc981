import type { ScopeType } from '../../contracts/roles.js';
import type { ReadContext } from './context.js';

/**
 * How a kind of scope (park, company, partner, merchant) is named and chosen. The module that owns the kind
 * declares it in its manifest; until one does, no role can be granted on that kind through the API.
 */
export type ScopeResolver = {
  /** The names of these scopes in the reader's language (unknown ids are left out). */
  names: (ctx: ReadContext, ids: string[]) => Promise<Map<string, string>>;
  /** Every scope of the kind, for the role picker. */
  choices: (ctx: ReadContext) => Promise<{ id: string; name: string }[]>;
};

const resolvers = new Map<ScopeType, { owner: string; resolver: ScopeResolver }>();

export function installScopes(owner: string, scopes: Partial<Record<ScopeType, ScopeResolver>>): void {
  for (const [type, resolver] of Object.entries(scopes) as [ScopeType, ScopeResolver][]) {
    const existing = resolvers.get(type);
    if (existing && existing.owner !== owner) throw new Error(`scopes: "${type}" of ${owner} is already resolved by ${existing.owner}`);
    resolvers.set(type, { owner, resolver });
  }
}

export function scopeResolver(type: ScopeType): ScopeResolver | undefined {
  return resolvers.get(type)?.resolver;
}

export function resolvedScopeTypes(): ScopeType[] {
  return [...resolvers.keys()];
}
