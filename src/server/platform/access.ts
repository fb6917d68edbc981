import type { Role, RoleGrant, ScopeType } from '../../contracts/roles.js';
import type { Locale } from '../../shared/locales.js';
import { AppError } from './errors.js';

export type SignedInUser = { id: string; name: string; email: string; locale: Locale };

/**
 * Who is asking, with every role they hold and on which scope.
 * Routes declare the roles they admit; services ask the actor about the row's scope.
 */
export class Actor {
  constructor(
    readonly user: SignedInUser | null,
    readonly grants: RoleGrant[],
  ) {}

  static anonymous(): Actor {
    return new Actor(null, []);
  }

  get isSignedIn(): boolean {
    return this.user !== null;
  }

  get userId(): string {
    if (!this.user) throw new AppError('unauthenticated');
    return this.user.id;
  }

  get isNetworkAdmin(): boolean {
    return this.has('network_admin');
  }

  has(...roles: Role[]): boolean {
    return this.grants.some((grant) => roles.includes(grant.role));
  }

  /** Ids of the scopes of this type on which the actor holds one of the roles. */
  scopeIds(scopeType: ScopeType, ...roles: Role[]): string[] {
    return this.grants
      .filter((grant) => grant.scopeType === scopeType && roles.includes(grant.role) && grant.scopeId)
      .map((grant) => grant.scopeId as string);
  }

  /** Network admins manage every park; park managers manage theirs. */
  managesPark(parkId: string): boolean {
    return this.isNetworkAdmin || this.scopeIds('park', 'park_manager').includes(parkId);
  }

  assertManagesPark(parkId: string): void {
    if (!this.managesPark(parkId)) throw new AppError('forbidden');
  }
}

/** What a route admits: anyone, any signed-in person, or holders of the listed roles. */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

export function checkRouteAccess(access: RouteAccess, actor: Actor): void {
  if (access === 'public') return;
  if (!actor.isSignedIn) throw new AppError('unauthenticated');
  if (access === 'signed-in') return;
  if (!actor.has(...access)) throw new AppError('forbidden');
}
