import type { UseFormReturnType } from '@mantine/form';
import type { ParkDetail } from '../../../contracts/parks.js';

/** What the park form edits: every text in three languages, numbers and dates as the inputs hold them. */
export type ParkFormValues = {
  slug: string;
  name: { fr: string; ar: string; en: string };
  city: { fr: string; ar: string; en: string };
  region: string;
  address: string;
  latitude: number | string;
  longitude: number | string;
  status: string;
  openingDate: string;
  targetOpeningDate: string;
  sectors: string[];
  capacityCompanies: number | string;
  description: { fr: string; ar: string; en: string };
  contacts: { name: string; role: string; email: string; phone: string }[];
};

export function initialValues(park?: ParkDetail): ParkFormValues {
  const text = (value?: { fr: string; ar?: string; en?: string } | null) => ({
    fr: value?.fr ?? '',
    ar: value?.ar ?? '',
    en: value?.en ?? '',
  });
  return {
    slug: park?.slug ?? '',
    name: text(park?.name),
    city: text(park?.city),
    region: park?.region ?? 'casablanca_settat',
    address: park?.address ?? '',
    latitude: park?.latitude ?? '',
    longitude: park?.longitude ?? '',
    status: park?.status ?? 'planned',
    openingDate: park?.openingDate ?? '',
    targetOpeningDate: park?.targetOpeningDate ?? '',
    sectors: park?.sectors ?? [],
    capacityCompanies: park?.capacityCompanies ?? '',
    description: text(park?.description),
    contacts: (park?.contacts ?? []).map((contact) => ({
      name: contact.name,
      role: contact.role,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

/** Empty optional inputs become "not given" before they meet the contract. */
export function toBody(values: ParkFormValues) {
  const text = (value: { fr: string; ar: string; en: string }) => ({
    fr: value.fr,
    ...(value.ar ? { ar: value.ar } : {}),
    ...(value.en ? { en: value.en } : {}),
  });
  return {
    ...values,
    name: text(values.name),
    city: text(values.city),
    description: values.description.fr ? text(values.description) : undefined,
    latitude: values.latitude === '' ? undefined : Number(values.latitude),
    longitude: values.longitude === '' ? undefined : Number(values.longitude),
    openingDate: values.openingDate || null,
    targetOpeningDate: values.targetOpeningDate || null,
    capacityCompanies: values.capacityCompanies === '' ? null : Number(values.capacityCompanies),
    contacts: values.contacts.map((contact) => ({ ...contact, phone: contact.phone || undefined })),
  };
}

export type ParkFormApi = UseFormReturnType<ParkFormValues>;
