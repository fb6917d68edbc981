import type { sectors as sectorList } from '../../../../contracts/parks.js';

/** What the demo network is made of: how its parks filled up, and the words its companies and people are named with. */
export type Sector = (typeof sectorList)[number];

/** The company of the demo company admin and member accounts (their role is held on this id). */
export const demoCompanyId = '00000000-0000-4000-8000-00000000c001';

/**
 * How each open park filled up and turned over since it opened (REFERENCE-NETWORK.md): residents
 * at capacity after a ramp-up, about a quarter leaving each year, most staying in the community as
 * alumni, a few closing or being acquired; residents are expected to leave after about five years.
 */
export type ParkPlan = { slug: string; opened: string; city: string; capacity: number; rampYears: number; sectors: Sector[] };

export const parkPlans: ParkPlan[] = [
  {
    slug: 'casablanca',
    opened: '2001-10-01',
    city: 'Casablanca',
    capacity: 240,
    rampYears: 4,
    sectors: ['ict', 'offshoring', 'fintech', 'cultural_creative', 'greentech'],
  },
  { slug: 'rabat', opened: '2012-06-01', city: 'Rabat', capacity: 80, rampYears: 2, sectors: ['ict', 'edtech', 'healthtech', 'fintech'] },
  {
    slug: 'tanger',
    opened: '2015-04-15',
    city: 'Tanger',
    capacity: 100,
    rampYears: 3,
    sectors: ['ict', 'logistics', 'industry', 'offshoring'],
  },
  {
    slug: 'agadir',
    opened: '2021-03-01',
    city: 'Agadir',
    capacity: 70,
    rampYears: 3,
    sectors: ['agritech', 'fisheries', 'tourism', 'ict'],
  },
  {
    slug: 'cite-innovation-souss-massa',
    opened: '2020-01-15',
    city: 'Agadir',
    capacity: 30,
    rampYears: 2,
    sectors: ['agritech', 'greentech', 'ict', 'healthtech'],
  },
];

export const namePrefixes = [
  'Atlas',
  'Argan',
  'Anfa',
  'Kasbah',
  'Medina',
  'Zellige',
  'Oasis',
  'Noor',
  'Amal',
  'Tingis',
  'Volubilis',
  'Menara',
  'Sahara',
  'Ifrane',
  'Bouregreg',
  'Souss',
  'Rif',
  'Draa',
  'Tafilalt',
  'Oukaimeden',
  'Toubkal',
  'Chellah',
  'Mogador',
  'Lixus',
  'Dakhla',
  'Saïss',
  'Ziz',
  'Majorelle',
  'Hassan',
  'Andalous',
  'Qarawiyine',
  'Fibule',
  'Tadelakt',
  'Amazigh',
  'Tizi',
  'Asif',
  'Tamount',
  'Ouzoud',
  'Agdal',
  'Maamora',
];
export const nameSuffixes: Record<Sector, string[]> = {
  ict: ['Soft', 'Tech', 'Systems', 'Cloud', 'Data', 'Digital', 'Labs', 'IT Services', 'Networks', 'AI'],
  offshoring: ['Outsourcing', 'Contact', 'BPO', 'Services', 'Nearshore'],
  fintech: ['Pay', 'Finance', 'Wallet', 'Fintech', 'Invest'],
  cultural_creative: ['Studio', 'Media', 'Production', 'Design', 'Games', 'Records'],
  greentech: ['Energy', 'Solar', 'Green', 'Water', 'Cleantech'],
  agritech: ['Agro', 'Farm', 'AgriTech', 'Harvest', 'Irrigation'],
  healthtech: ['Health', 'Medical', 'Care', 'Diagnostics'],
  edtech: ['Learning', 'Academy', 'EdTech', 'Skills'],
  industry: ['Industries', 'Automation', 'Robotics', 'Engineering'],
  logistics: ['Logistics', 'Transit', 'Freight', 'Supply'],
  tourism: ['Travel', 'Tourism', 'Stays', 'Trips'],
  fisheries: ['Blue', 'Marine', 'Ocean', 'Aquaculture'],
};
export const firstNames = [
  'Yassine',
  'Salma',
  'Omar',
  'Hajar',
  'Mehdi',
  'Imane',
  'Amine',
  'Kenza',
  'Reda',
  'Sara',
  'Anas',
  'Meryem',
  'Hamza',
  'Nadia',
  'Ayoub',
  'Zineb',
  'Othmane',
  'Loubna',
  'Karim',
  'Ghita',
];
export const lastNames = [
  'Alami',
  'Bennani',
  'Berrada',
  'Chraibi',
  'El Fassi',
  'Idrissi',
  'Lahlou',
  'Naciri',
  'Ouazzani',
  'Sqalli',
  'Tazi',
  'Zniber',
  'Amrani',
  'Benjelloun',
  'Kettani',
  'Skalli',
  'Bouzidi',
  'Haddaoui',
  'Mansouri',
  'Raji',
];
