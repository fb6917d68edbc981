import type { CompanyDetail } from '../../../../contracts/companies.js';
import { localToday } from '../../../../shared/calendar.js';
import { type ThreeLanguages, threeLanguages } from '../../../components/LanguageFields.js';

/** What the company form holds (text fields as typed) and what it sends (the contract's body). */
export type Founder = { name: string; role: string; email: string; gender: string | null };
export type Contact = { name: string; role: string; email: string; phone: string };
export type CompanyFormValues = {
  legalName: string;
  brandName: string;
  legalForm: string | null;
  ice: string;
  rcNumber: string;
  rcCourt: string;
  ifNumber: string;
  patente: string;
  cnss: string;
  creationDate: string;
  sectors: string[];
  stage: string | null;
  parkId: string | null;
  website: string;
  email: string;
  phone: string;
  address: string;
  description: ThreeLanguages;
  founders: Founder[];
  contacts: Contact[];
  initialStatus: { status: string | null; effectiveDate: string; reason: string };
};

export function initialValues(company?: CompanyDetail, parkId?: string | null): CompanyFormValues {
  return {
    legalName: company?.legalName ?? '',
    brandName: company?.brandName ?? '',
    legalForm: company?.legalForm ?? null,
    ice: company?.ice ?? '',
    rcNumber: company?.rcNumber ?? '',
    rcCourt: company?.rcCourt ?? '',
    ifNumber: company?.ifNumber ?? '',
    patente: company?.patente ?? '',
    cnss: company?.cnss ?? '',
    creationDate: company?.creationDate ?? '',
    sectors: company?.sectors ?? [],
    stage: company?.stage ?? null,
    parkId: company ? company.parkId : (parkId ?? null),
    website: company?.website ?? '',
    email: company?.email ?? '',
    phone: company?.phone ?? '',
    address: company?.address ?? '',
    description: threeLanguages(company?.descriptions),
    founders: (company?.founders ?? []).map((founder) => ({
      name: founder.name,
      role: founder.role,
      email: founder.email ?? '',
      gender: founder.gender ?? null,
    })),
    contacts: (company?.contacts ?? []).map((contact) => ({
      name: contact.name,
      role: contact.role,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
    initialStatus: { status: 'resident', effectiveDate: localToday(), reason: '' },
  };
}

/** Empty optional inputs become "not given" (null) before they meet the contract. */
export function toBody(values: CompanyFormValues, creating: boolean) {
  const optional = (value: string) => (value.trim() === '' ? null : value);
  const { initialStatus, ...profile } = values;
  const body = {
    ...profile,
    legalForm: values.legalForm || null,
    stage: values.stage ?? undefined,
    ice: optional(values.ice),
    rcNumber: optional(values.rcNumber),
    rcCourt: optional(values.rcCourt),
    ifNumber: optional(values.ifNumber),
    patente: optional(values.patente),
    cnss: optional(values.cnss),
    creationDate: optional(values.creationDate),
    website: optional(values.website),
    email: optional(values.email),
    phone: optional(values.phone),
    founders: values.founders.map((founder) => ({ ...founder, gender: founder.gender ?? undefined })),
    contacts: values.contacts.map((contact) => ({ ...contact, phone: contact.phone || undefined })),
  };
  return creating ? { ...body, initialStatus: { ...initialStatus, status: initialStatus.status ?? undefined } } : body;
}
