import type { CompanyStage } from '../../../../contracts/companies.js';
import type { regions as regionList, sectors as sectorList } from '../../../../contracts/parks.js';

export type Sector = (typeof sectorList)[number];
type Region = (typeof regionList)[number];

/** Who applies to the demo's open call: one company for each stage of the flow, in three languages. */
export type Applicant = {
  company: string;
  contact: string;
  email: string;
  locale: 'fr' | 'ar' | 'en';
  sector: Sector;
  stage: CompanyStage;
  region: Region;
  created: string | null;
  area: number;
  pitch: string;
  team: number;
  innovation: 'product' | 'process' | 'business_model';
};

export const applicants: Applicant[] = [
  {
    company: 'Darija Voice',
    contact: 'Hajar Skalli',
    email: 'hajar@darijavoice.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-02-10',
    area: 18,
    pitch: 'Reconnaissance vocale en darija pour les centres d’appels.',
    team: 4,
    innovation: 'product',
  },
  {
    company: 'Sanad Santé',
    contact: 'Youssef Naciri',
    email: 'youssef@sanadsante.ma',
    locale: 'ar',
    sector: 'healthtech',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2024-09-01',
    area: 24,
    pitch: 'منصة لتتبع مرضى الأمراض المزمنة عن بعد.',
    team: 6,
    innovation: 'product',
  },
  {
    company: 'Bladi Pay',
    contact: 'Ghita Benjelloun',
    email: 'ghita@bladipay.ma',
    locale: 'fr',
    sector: 'fintech',
    stage: 'startup',
    region: 'rabat_sale_kenitra',
    created: '2025-06-15',
    area: 20,
    pitch: 'Paiement mobile pour les petits commerçants.',
    team: 5,
    innovation: 'business_model',
  },
  {
    company: 'Argan Data',
    contact: 'Anas Tazi',
    email: 'anas@argandata.ma',
    locale: 'en',
    sector: 'agritech',
    stage: 'startup',
    region: 'souss_massa',
    created: '2024-04-20',
    area: 16,
    pitch: 'Satellite data for argan and olive growers.',
    team: 3,
    innovation: 'process',
  },
  {
    company: 'Zellige Games',
    contact: 'Kenza Alami',
    email: 'kenza@zelligegames.ma',
    locale: 'fr',
    sector: 'cultural_creative',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2023-11-05',
    area: 30,
    pitch: 'Jeux vidéo inspirés du patrimoine marocain.',
    team: 8,
    innovation: 'product',
  },
  {
    company: 'Noor Solar Tech',
    contact: 'Reda Mansouri',
    email: 'reda@noorsolartech.ma',
    locale: 'fr',
    sector: 'greentech',
    stage: 'tpe',
    region: 'casablanca_settat',
    created: '2022-03-14',
    area: 40,
    pitch: 'Pompes solaires connectées pour l’irrigation.',
    team: 11,
    innovation: 'product',
  },
  {
    company: 'Tadelakt Studio',
    contact: 'Sara El Fassi',
    email: 'sara@tadelakt.ma',
    locale: 'ar',
    sector: 'cultural_creative',
    stage: 'startup',
    region: 'marrakech_safi',
    created: '2025-01-08',
    area: 14,
    pitch: 'استوديو تصميم رقمي للصناعة التقليدية.',
    team: 3,
    innovation: 'business_model',
  },
  {
    company: 'Cloud Medina',
    contact: 'Othmane Bouzidi',
    email: 'othmane@cloudmedina.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'sme',
    region: 'casablanca_settat',
    created: '2009-05-02',
    area: 60,
    pitch: 'Hébergement cloud souverain pour les administrations.',
    team: 35,
    innovation: 'process',
  },
  {
    company: 'Oasis Learn',
    contact: 'Loubna Haddaoui',
    email: 'loubna@oasislearn.ma',
    locale: 'en',
    sector: 'edtech',
    stage: 'startup',
    region: 'draa_tafilalet',
    created: '2025-03-30',
    area: 14,
    pitch: 'Offline-first learning tablets for rural schools.',
    team: 4,
    innovation: 'product',
  },
  {
    company: 'Bab Logistics',
    contact: 'Hamza Raji',
    email: 'hamza@bablogistics.ma',
    locale: 'fr',
    sector: 'logistics',
    stage: 'startup',
    region: 'tanger_tetouan_al_hoceima',
    created: '2024-07-19',
    area: 22,
    pitch: 'Mutualisation du dernier kilomètre pour le e-commerce.',
    team: 7,
    innovation: 'business_model',
  },
  {
    company: 'Kasbah AI',
    contact: 'Zineb Kettani',
    email: 'zineb@kasbahai.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-08-01',
    area: 18,
    pitch: 'Assistants d’IA pour les cabinets comptables.',
    team: 5,
    innovation: 'product',
  },
  {
    company: 'Mogador Blue',
    contact: 'Ayoub Sqalli',
    email: 'ayoub@mogadorblue.ma',
    locale: 'ar',
    sector: 'fisheries',
    stage: 'startup',
    region: 'marrakech_safi',
    created: '2024-12-12',
    area: 20,
    pitch: 'تتبع سلسلة التبريد لمنتجات الصيد البحري.',
    team: 4,
    innovation: 'process',
  },
  {
    company: 'Anfa Robotics',
    contact: 'Amine Zniber',
    email: 'amine@anfarobotics.ma',
    locale: 'fr',
    sector: 'industry',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2024-02-26',
    area: 45,
    pitch: 'Bras robotisés à bas coût pour les PME industrielles.',
    team: 9,
    innovation: 'product',
  },
  {
    company: 'Atlas Health Lab',
    contact: 'Nadia Idrissi',
    email: 'nadia@atlashealthlab.ma',
    locale: 'fr',
    sector: 'healthtech',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-05-05',
    area: 25,
    pitch: 'Analyses médicales à domicile avec résultats en ligne.',
    team: 6,
    innovation: 'business_model',
  },
  {
    company: 'Ifrane Cyber',
    contact: 'Omar Ouazzani',
    email: 'omar@ifranecyber.ma',
    locale: 'en',
    sector: 'ict',
    stage: 'startup',
    region: 'fes_meknes',
    created: '2025-09-09',
    area: 16,
    pitch: 'Managed security monitoring for SMEs.',
    team: 4,
    innovation: 'product',
  },
];

/** Where each demo application stands. */
export type Stage =
  | 'draft'
  | 'submitted'
  | 'submitted_old_company'
  | 'ineligible'
  | 'review_scored'
  | 'review_split'
  | 'review_partial'
  | 'review_conflict'
  | 'review_new'
  | 'admitted'
  | 'waitlisted'
  | 'rejected'
  | 'withdrawn';

/** One application of the open call at each stage of the flow, in this order. */
export const stages: Stage[] = [
  'draft',
  'draft',
  'submitted',
  'submitted_old_company',
  'submitted',
  'ineligible',
  'review_scored',
  'review_split',
  'review_partial',
  'review_conflict',
  'review_new',
  'admitted',
  'waitlisted',
  'rejected',
  'withdrawn',
];
