import { z } from 'zod';
import { lifecycleStatuses } from '../shared/company-lifecycle.js';
import { icePattern, normalizeIce, registryNumberPattern } from '../shared/identifiers.js';
import { isoDateSchema } from './lists.js';
import { sectorSchema, sectors } from './parks.js';

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
export const legalFormSchema = z.enum(legalForms);

export const companyStages = ['project_holder', 'startup', 'tpe', 'sme', 'large'] as const;
export const companyStageSchema = z.enum(companyStages);
export type CompanyStage = z.infer<typeof companyStageSchema>;

/** Yearly revenue bands in MAD. */
export const revenueBands = ['none', 'under_500k', '500k_2m', '2m_10m', '10m_50m', 'over_50m'] as const;
export const revenueBandSchema = z.enum(revenueBands);
export const fundingTypes = ['grant', 'loan', 'honour_loan', 'equity', 'other'] as const;
export const fundingTypeSchema = z.enum(fundingTypes);

export const lifecycleStatusSchema = z.enum(lifecycleStatuses);

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
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).default(''),
  email: z.email().max(254).optional().or(z.literal('')),
  gender: z.enum(['female', 'male']).optional(),
});

export const companyContactSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).default(''),
  email: z.email().max(254).optional().or(z.literal('')),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ().-]*$/)
    .optional(),
});

/**
 * The profile of a company (SPEC §3.2). Fields carry no defaults here: a partial update must never
 * reset what it does not mention; the create body adds them.
 */
export const companyProfileFields = {
  legalName: z.string().trim().min(1).max(200),
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
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ().-]*$/)
    .nullable(),
  address: z.string().trim().max(300),
  description: z.string().trim().max(4000),
  founders: z.array(founderSchema).max(20),
  contacts: z.array(companyContactSchema).max(20),
};
