import { z } from 'zod';
import { initialStatuses, lifecycleStatuses } from '../shared/company-lifecycle.js';
import { icePattern, normalizeIce, registryNumberPattern } from '../shared/identifiers.js';
import { someLanguagesTextSchema } from '../shared/localized-text-schemas.js';
import { emailSchema, localeSchema } from './auth.js';
import { fileUploadSchema } from './files.js';
import { isoDateSchema, listQuerySchema, pageSchema, phoneSchema } from './lists.js';
import { sectorSchema, sectors } from './parks.js';

/** A description typed in one cell of a sheet (its language is read from its script). */
export const companyDescriptionCellSchema = z.string().trim().max(4000);

export const legalForms = [
  'sarl',
  'sarl_au',
  'sa',
  'sas',
  'snc',
  'scs',
  'auto_entrepreneur',
  'sole_proprietorship',
  'cooperative',
  'association',
  'foreign_branch',
  'other',
] as const;
/** A choice left empty reads "required", not zod's list of allowed values. */
const requiredChoice = {
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'validation.required' : undefined),
};

export const legalFormSchema = z.enum(legalForms, requiredChoice);

export const companyStages = ['project_holder', 'startup', 'tpe', 'sme', 'large'] as const;
export const companyStageSchema = z.enum(companyStages, requiredChoice);
export type CompanyStage = z.infer<typeof companyStageSchema>;

/** Yearly revenue bands in MAD. */
export const revenueBands = ['none', 'under_500k', '500k_2m', '2m_10m', '10m_50m', 'over_50m'] as const;
export const revenueBandSchema = z.enum(revenueBands);
export const fundingTypes = ['grant', 'loan', 'honour_loan', 'equity', 'other'] as const;
export const fundingTypeSchema = z.enum(fundingTypes);

export const lifecycleStatusSchema = z.enum(lifecycleStatuses, requiredChoice);

export const iceSchema = z
  .string()
  .transform(normalizeIce)
  .pipe(
    z
      .string()
      .regex(icePattern, 'validation.ice_format')
      .refine((value) => !/^0+$/.test(value), 'validation.ice_format'),
  );
const registryNumberSchema = z.string().trim().regex(registryNumberPattern, 'validation.registry_number_format');

export const founderSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(120),
  role: z.string().trim().max(120).default(''),
  email: z.email().max(254).optional().or(z.literal('')),
  gender: z.enum(['female', 'male']).optional(),
});

export const companyContactSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(120),
  role: z.string().trim().max(120).default(''),
  email: z.email().max(254).optional().or(z.literal('')),
  phone: phoneSchema.optional(),
});

/**
 * The profile of a company (SPEC §3.2). Fields carry no defaults here: a partial update must never
 * reset what it does not mention; the create body adds them.
 */
export const companyProfileFields = {
  legalName: z.string().trim().min(1, 'validation.required').max(200),
  brandName: z.string().trim().max(200),
  legalForm: legalFormSchema.nullable(),
  ice: iceSchema.nullable(),
  rcNumber: registryNumberSchema.nullable(),
  rcCourt: z.string().trim().max(80).nullable(),
  ifNumber: registryNumberSchema.nullable(),
  patente: registryNumberSchema.nullable(),
  cnss: registryNumberSchema.nullable(),
  creationDate: isoDateSchema.nullable(),
  sectors: z.array(sectorSchema).max(sectors.length),
  stage: companyStageSchema,
  parkId: z.uuid().nullable(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .nullable(),
  email: z.email().max(254).nullable(),
  phone: phoneSchema.nullable(),
  address: z.string().trim().max(300),
  description: someLanguagesTextSchema(4000, { required: false }),
  founders: z.array(founderSchema).max(20),
  contacts: z.array(companyContactSchema).max(20),
};

/** The first status of a company created by hand; its reason may stay empty. */
export const initialStatusSchema = z.object({
  status: lifecycleStatusSchema.refine((status) => initialStatuses.includes(status), 'validation.not_initial_status'),
  effectiveDate: isoDateSchema,
  reason: z.string().trim().max(500).default(''),
});

export const createCompanyBodySchema = z.object({
  ...companyProfileFields,
  brandName: companyProfileFields.brandName.default(''),
  legalForm: companyProfileFields.legalForm.default(null),
  ice: companyProfileFields.ice.default(null),
  rcNumber: companyProfileFields.rcNumber.default(null),
  rcCourt: companyProfileFields.rcCourt.default(null),
  ifNumber: companyProfileFields.ifNumber.default(null),
  patente: companyProfileFields.patente.default(null),
  cnss: companyProfileFields.cnss.default(null),
  creationDate: companyProfileFields.creationDate.default(null),
  sectors: companyProfileFields.sectors.default([]),
  website: companyProfileFields.website.default(null),
  email: companyProfileFields.email.default(null),
  phone: companyProfileFields.phone.default(null),
  address: companyProfileFields.address.default(''),
  description: companyProfileFields.description.default({}),
  founders: companyProfileFields.founders.default([]),
  contacts: companyProfileFields.contacts.default([]),
  initialStatus: initialStatusSchema,
});
export type CreateCompanyBody = z.infer<typeof createCompanyBodySchema>;

/** A partial update: what it does not mention stays as it is (no defaults). */
export const updateCompanyBodySchema = z.object(companyProfileFields).partial();
export type UpdateCompanyBody = z.infer<typeof updateCompanyBodySchema>;

/** A change of status: every transition has a date and a reason. */
export const transitionBodySchema = z.object({
  status: lifecycleStatusSchema,
  effectiveDate: isoDateSchema,
  reason: z.string().trim().min(1, 'validation.required').max(500),
});
export type TransitionBody = z.infer<typeof transitionBodySchema>;

export const companyRightsSchema = z.object({
  read: z.boolean(),
  editProfile: z.boolean(),
  manageMembers: z.boolean(),
  recordStatus: z.boolean(),
  readReports: z.boolean(),
  fileReports: z.boolean(),
});

export const statusEventSchema = z.object({
  id: z.uuid(),
  status: lifecycleStatusSchema,
  effectiveDate: z.string(),
  reason: z.string(),
  source: z.enum(['manual', 'admission', 'import', 'demo']),
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordedAt: z.string(),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

export const companyListItemSchema = z.object({
  id: z.uuid(),
  legalName: z.string(),
  brandName: z.string(),
  legalForm: legalFormSchema.nullable(),
  ice: z.string().nullable(),
  creationDate: z.string().nullable(),
  sectors: z.array(sectorSchema),
  stage: companyStageSchema,
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  status: lifecycleStatusSchema,
  statusDate: z.string(),
  logoUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type CompanyListItem = z.infer<typeof companyListItemSchema>;

const personOfCompany = z.object({ name: z.string(), role: z.string(), email: z.string().optional() });

export const companyDetailSchema = companyListItemSchema.extend({
  rcNumber: z.string().nullable(),
  rcCourt: z.string().nullable(),
  ifNumber: z.string().nullable(),
  patente: z.string().nullable(),
  cnss: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string(),
  /** In the reader's language, else in the one given; `descriptions` has every language given (what the form edits). */
  description: z.string(),
  descriptions: z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }),
  founders: z.array(personOfCompany.extend({ gender: z.enum(['female', 'male']).optional() })),
  contacts: z.array(personOfCompany.extend({ phone: z.string().optional() })),
  rights: companyRightsSchema,
  history: z.array(statusEventSchema),
  createdAt: z.string(),
});
export type CompanyDetail = z.infer<typeof companyDetailSchema>;

export const companySortFields = ['name', 'creationDate', 'statusDate'] as const;
export const companiesQuerySchema = listQuerySchema(companySortFields).extend({
  parkId: z.uuid().optional(),
  status: lifecycleStatusSchema.optional(),
  sector: sectorSchema.optional(),
  stage: companyStageSchema.optional(),
});
export type CompaniesQuery = z.infer<typeof companiesQuerySchema>;
export const companiesPageSchema = pageSchema(companyListItemSchema);

/** Logos are small pictures: PNG, JPEG or WebP, checked by content, at most 1 MB. */
export const maxLogoBytes = 1024 * 1024;
export const logoUploadBodySchema = z.object({ file: fileUploadSchema });

export const companyRoles = ['company_admin', 'company_member'] as const;
export const companyRoleSchema = z.enum(companyRoles);
export type CompanyRole = z.infer<typeof companyRoleSchema>;

export const companyMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: companyRoleSchema,
  since: z.string(),
  disabled: z.boolean(),
});
export type CompanyMember = z.infer<typeof companyMemberSchema>;
export const companyMembersQuerySchema = listQuerySchema(['name', 'email', 'role']).extend({ role: companyRoleSchema.optional() });
export const companyMembersPageSchema = pageSchema(companyMemberSchema);

export const companyInvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: companyRoleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type CompanyInvitation = z.infer<typeof companyInvitationSchema>;

export const inviteMemberBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'validation.required').max(120),
  role: companyRoleSchema.default('company_member'),
  locale: localeSchema.default('fr'),
});
export type InviteMemberBody = z.infer<typeof inviteMemberBodySchema>;

/** Someone without an account is invited (they choose a password); someone with one gets the role at once. */
export const inviteMemberResultSchema = z.object({
  outcome: z.literal('invited'),
  member: companyMemberSchema.nullable(),
  invitation: companyInvitationSchema.nullable(),
});
export type InviteMemberResult = z.infer<typeof inviteMemberResultSchema>;

export const updateMemberBodySchema = z.object({ role: companyRoleSchema });

export const companyParamsSchema = z.object({ id: z.uuid() });
export const memberParamsSchema = z.object({ id: z.uuid(), userId: z.string().min(1).max(64) });
export const companyInvitationParamsSchema = z.object({ id: z.uuid(), invitationId: z.uuid() });
