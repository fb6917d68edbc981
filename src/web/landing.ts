import type { Grant, Me } from '../contracts/auth.js';
import type { Role } from '../contracts/roles.js';

/** Any origin would do: a path is same-origin when resolving it against this one keeps this one. */
const probe = 'https://landing.invalid';

/** Pages a redirect must not lead back to: signing in again, or a one-time link. */
const notAfterSignIn = ['/sign-in', '/login', '/forgot-password', '/reset-password', '/invitation'];

/**
 * The page someone was sent to sign in from, when it is a page of this site: a path starting with one `/`
 * (not `//host`, not `/\host`, no scheme), and not the sign-in pages themselves. Anything else is `null`.
 */
export function sameOriginPath(redirect: unknown): string | null {
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//') || redirect.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(redirect, probe);
  } catch {
    return null;
  }
  if (url.origin !== probe) return null;
  if (notAfterSignIn.includes(url.pathname.replace(/\/+$/, '') || '/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

const firstScope = (grants: Grant[], ...roles: Role[]) => grants.find((grant) => roles.includes(grant.role) && grant.scopeId)?.scopeId;

/**
 * Where a role starts, in the order that wins when a person holds several: staff first (the widest work
 * first), then committee, then company. Partner staff and merchants have no pages yet: the next rule applies.
 */
const startPages: ((grants: Grant[]) => string | undefined)[] = [
  // Configures the network and sees every park: the network page, with its figures and "add a park".
  (grants) => (grants.some((grant) => grant.role === 'network_admin') ? '/' : undefined),
  (grants) => {
    const park = firstScope(grants, 'park_manager');
    return park ? `/parks/${park}` : undefined;
  },
  // Calls and their applications.
  (grants) => (grants.some((grant) => grant.role === 'program_officer') ? '/admin/calls' : undefined),
  (grants) => (grants.some((grant) => grant.role === 'committee_member') ? '/reviews' : undefined),
  (grants) => {
    const company = firstScope(grants, 'company_admin', 'company_member');
    return company ? `/companies/${company}` : undefined;
  },
  // Staff roles without a page of their own yet start where everyone does.
  (grants) => (grants.some((grant) => grant.role === 'partner_staff' || grant.role === 'merchant') ? '/' : undefined),
];

/** The page a signed-in person starts on: their own work, by role; an account without a role applied to a call. */
export function startPage(me: Pick<Me, 'grants'>): string {
  for (const rule of startPages) {
    const page = rule(me.grants);
    if (page) return page;
  }
  return '/my/applications';
}

/** Where signing in leads: the page the person was sent from when it is one of this site, else their start page. */
export function landingPage(me: Pick<Me, 'grants'>, redirect?: unknown): string {
  return sameOriginPath(redirect) ?? startPage(me);
}
