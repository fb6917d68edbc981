import { z } from 'zod';

/** The roles of SPEC §2 and the kind of scope each one is held on. */
export const roles = [
  'network_admin',
  'park_manager',
  'program_officer',
  'committee_member',
  'partner_staff',
  'company_admin',
  'company_member',
  'merchant',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const scopeTypes = ['network', 'park', 'company', 'partner', 'merchant'] as const;
export const scopeTypeSchema = z.enum(scopeTypes);
export type ScopeType = z.infer<typeof scopeTypeSchema>;

/** Which scope a role is granted on. Program officers and committee members work network-wide until programs exist. */
export const scopeTypeOfRole: Record<Role, ScopeType> = {
  network_admin: 'network',
  park_manager: 'park',
  program_officer: 'network',
  committee_member: 'network',
  partner_staff: 'partner',
  company_admin: 'company',
  company_member: 'company',
  merchant: 'merchant',
};

export const roleGrantSchema = z.object({
  role: roleSchema,
  scopeId: z.uuid().nullable(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema> & { scopeType: ScopeType };
