/**
 * The values a park's and a space's fields take (statuses, regions, sectors, kinds, amenities), without their zod
 * schemas (parks.ts): the web's first page, the network with its filters, needs the lists, not the validator.
 */
export const parkStatuses = ['planned', 'under_construction', 'open'] as const;
/** The twelve regions of Morocco (2015 division). */
export const regions = [
  'tanger_tetouan_al_hoceima',
  'oriental',
  'fes_meknes',
  'rabat_sale_kenitra',
  'beni_mellal_khenifra',
  'casablanca_settat',
  'marrakech_safi',
  'draa_tafilalet',
  'souss_massa',
  'guelmim_oued_noun',
  'laayoune_sakia_el_hamra',
  'dakhla_oued_ed_dahab',
] as const;
export const sectors = [
  'ict',
  'offshoring',
  'greentech',
  'cultural_creative',
  'agritech',
  'fintech',
  'healthtech',
  'edtech',
  'industry',
  'logistics',
  'tourism',
  'fisheries',
] as const;
export const spaceKinds = ['office', 'coworking_desk', 'meeting_room', 'event_room', 'studio'] as const;
export const amenities = [
  'projector',
  'screen',
  'whiteboard',
  'videoconference',
  'sound_system',
  'stage',
  'air_conditioning',
  'natural_light',
  'fiber_internet',
  'kitchenette',
  'accessible',
  'soundproofing',
] as const;
