import { describe, expect, it } from 'vitest';
import type { Grant } from '../contracts/auth.js';
import type { Role } from '../contracts/roles.js';
import { scopeTypeOfRole } from '../contracts/roles.js';
import { landingPage, sameOriginPath, startPage } from './landing.js';

const park = '11111111-1111-4111-8111-111111111111';
const otherPark = '22222222-2222-4222-8222-222222222222';
const company = '33333333-3333-4333-8333-333333333333';

let next = 0;
function grant(role: Role, scopeId: string | null = null): Grant {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    role,
    scopeType: scopeTypeOfRole[role],
    scopeId,
    scopeName: null,
  };
}
const me = (...grants: Grant[]) => ({ grants });

describe('startPage', () => {
  it('sends each role to its own work', () => {
    expect(startPage(me(grant('network_admin')))).toBe('/');
    expect(startPage(me(grant('park_manager', park)))).toBe(`/parks/${park}`);
    expect(startPage(me(grant('program_officer')))).toBe('/admin/calls');
    expect(startPage(me(grant('committee_member')))).toBe('/reviews');
    expect(startPage(me(grant('company_admin', company)))).toBe(`/companies/${company}`);
    expect(startPage(me(grant('company_member', company)))).toBe(`/companies/${company}`);
  });

  it('sends an account without a role to its applications', () => {
    expect(startPage(me())).toBe('/my/applications');
  });

  it('sends partner staff and merchants, who have no pages yet, to the network page', () => {
    expect(startPage(me(grant('partner_staff', park)))).toBe('/');
    expect(startPage(me(grant('merchant', park)))).toBe('/');
  });

  it('puts staff first, then the committee, then the company', () => {
    expect(startPage(me(grant('company_admin', company), grant('committee_member'), grant('program_officer')))).toBe('/admin/calls');
    expect(startPage(me(grant('company_member', company), grant('committee_member')))).toBe('/reviews');
    expect(startPage(me(grant('committee_member'), grant('partner_staff', park)))).toBe('/reviews');
    expect(startPage(me(grant('partner_staff', park), grant('company_admin', company)))).toBe(`/companies/${company}`);
    expect(startPage(me(grant('park_manager', park), grant('network_admin')))).toBe('/');
  });

  it("takes a park manager's first park, and skips a grant without a scope", () => {
    expect(startPage(me(grant('park_manager', park), grant('park_manager', otherPark)))).toBe(`/parks/${park}`);
    expect(startPage(me(grant('park_manager'), grant('committee_member')))).toBe('/reviews');
  });
});

describe('landingPage', () => {
  const officer = me(grant('program_officer'));

  it('goes where the person was sent to sign in from, with its query and fragment', () => {
    expect(landingPage(officer, '/calls/incubation-2026/apply')).toBe('/calls/incubation-2026/apply');
    expect(landingPage(officer, '/companies?status=active#list')).toBe('/companies?status=active#list');
    expect(landingPage(officer, '/')).toBe('/');
  });

  it('ignores a redirect that leaves the site or loops back to signing in', () => {
    for (const redirect of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'reviews',
      '',
      '/sign-in',
      '/sign-in?redirect=/x',
      '/login/',
      '/reset-password?token=abc',
      undefined,
      42,
    ]) {
      expect(landingPage(officer, redirect), String(redirect)).toBe('/admin/calls');
    }
  });

  it('normalizes dot segments without leaving the site', () => {
    expect(sameOriginPath('/a/../reviews')).toBe('/reviews');
    expect(sameOriginPath('/../../etc')).toBe('/etc');
  });
});
