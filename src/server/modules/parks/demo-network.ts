import type { CreateParkBody } from '../../../contracts/parks.js';
import type { SomeLanguagesText } from '../../../shared/localized-text.js';

/** The reference network (shared/product/REFERENCE-NETWORK.md): open parks with press-reported sizes, planned ones on the roadmap. */
export type DemoPark = CreateParkBody & {
  /** How the park's usable area is cut into units: [kind, count, min m², max m², desks per 10 m²]. */
  layout: { buildings: { code: string; name: SomeLanguagesText; floors: number }[]; units: UnitPlan[] };
};
export type UnitPlan = {
  kind: 'office' | 'coworking_desk' | 'meeting_room' | 'event_room' | 'studio';
  count: number;
  minM2: number;
  maxM2: number;
  /** Its name in French; `unitLabels` (demo.ts) has it in Arabic and English. */
  label: string;
  bookable?: boolean;
};

const contact = (name: string, role: string, email: string, phone: string) => ({ name, role, email, phone });

export const demoParks: DemoPark[] = [
  {
    slug: 'casablanca',
    name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء', en: 'Technopark Casablanca' },
    city: { fr: 'Casablanca', ar: 'الدار البيضاء', en: 'Casablanca' },
    region: 'casablanca_settat',
    address: 'Route de Nouaceur, angle RS 114 et CT 1029, 20150 Casablanca',
    latitude: 33.5447,
    longitude: -7.6336,
    status: 'open',
    openingDate: '2001-10-01',
    targetOpeningDate: null,
    sectors: ['ict', 'offshoring', 'greentech', 'cultural_creative'],
    capacityCompanies: 250,
    description: {
      fr: "Le parc historique du réseau : un bâtiment de 30 000 m² dont 15 000 m² utiles, entièrement occupé, avec une liste d'attente. Il accueille le centre de musiques Boultek et le guichet unique « Salle 139 ».",
      ar: 'الحديقة التاريخية للشبكة: بناية مساحتها 30.000 م² منها 15.000 م² قابلة للاستعمال، ممتلئة بالكامل مع لائحة انتظار. تحتضن مركز الموسيقى بولتك والشباك الوحيد «القاعة 139».',
      en: 'The historic park of the network: a 30,000 m² building with 15,000 m² usable, fully occupied with a waiting list. Home of the Boultek music centre and the "Room 139" single window.',
    },
    contacts: [contact('Accueil Technopark Casablanca', 'Accueil', 'casablanca@technopark.demo', '+212 522 00 00 01')],
    layout: {
      buildings: [
        { code: 'A', name: { fr: 'Bâtiment principal', ar: 'البناية الرئيسية', en: 'Main building' }, floors: 5 },
        { code: 'B', name: { fr: 'Boultek', ar: 'بولتك', en: 'Boultek' }, floors: 1 },
      ],
      units: [
        { kind: 'office', count: 230, minM2: 14, maxM2: 110, label: 'Bureau' },
        { kind: 'coworking_desk', count: 40, minM2: 6, maxM2: 6, label: 'Poste coworking', bookable: true },
        { kind: 'meeting_room', count: 8, minM2: 18, maxM2: 40, label: 'Salle de réunion', bookable: true },
        { kind: 'event_room', count: 2, minM2: 250, maxM2: 400, label: 'Salle de conférence', bookable: true },
        { kind: 'studio', count: 3, minM2: 120, maxM2: 400, label: 'Studio Boultek', bookable: true },
      ],
    },
  },
  {
    slug: 'rabat',
    name: { fr: 'Technopark Rabat', ar: 'تكنوبارك الرباط', en: 'Technopark Rabat' },
    city: { fr: 'Rabat', ar: 'الرباط', en: 'Rabat' },
    region: 'rabat_sale_kenitra',
    address: 'Avenue Mohammed VI, Hay Riad, 10100 Rabat',
    latitude: 33.9591,
    longitude: -6.8686,
    status: 'open',
    openingDate: '2012-06-01',
    targetOpeningDate: null,
    sectors: ['ict', 'greentech', 'cultural_creative'],
    capacityCompanies: 80,
    description: {
      fr: 'Environ 2 000 m² utiles, rempli en six mois après son ouverture ; plus de 80 entreprises.',
      ar: 'حوالي 2.000 م² قابلة للاستعمال، امتلأت خلال ستة أشهر بعد افتتاحها؛ أكثر من 80 شركة.',
      en: 'About 2,000 m² usable, full within six months of opening; more than 80 companies.',
    },
    contacts: [contact('Accueil Technopark Rabat', 'Accueil', 'rabat@technopark.demo', '+212 537 00 00 02')],
    layout: {
      buildings: [{ code: 'R', name: { fr: 'Immeuble Technopark', ar: 'عمارة تكنوبارك', en: 'Technopark building' }, floors: 3 }],
      units: [
        { kind: 'office', count: 60, minM2: 14, maxM2: 45, label: 'Bureau' },
        { kind: 'coworking_desk', count: 16, minM2: 5, maxM2: 5, label: 'Poste coworking', bookable: true },
        { kind: 'meeting_room', count: 3, minM2: 16, maxM2: 30, label: 'Salle de réunion', bookable: true },
      ],
    },
  },
  {
    slug: 'tanger',
    name: { fr: 'Technopark Tanger', ar: 'تكنوبارك طنجة', en: 'Technopark Tangier' },
    city: { fr: 'Tanger', ar: 'طنجة', en: 'Tangier' },
    region: 'tanger_tetouan_al_hoceima',
    address: 'Route de Tétouan, 90000 Tanger',
    latitude: 35.7595,
    longitude: -5.834,
    status: 'open',
    openingDate: '2015-04-15',
    targetOpeningDate: null,
    sectors: ['ict', 'offshoring', 'logistics', 'industry'],
    capacityCompanies: 100,
    description: {
      fr: '5 000 m² utiles sur 7 étages : unités startup de 14 à 30 m², grands plateaux jusqu’à 500 m².',
      ar: '5.000 م² قابلة للاستعمال على 7 طوابق: وحدات للشركات الناشئة من 14 إلى 30 م² ومساحات كبرى تصل إلى 500 م².',
      en: '5,000 m² usable on 7 floors: startup units of 14 to 30 m², large units up to 500 m².',
    },
    contacts: [contact('Accueil Technopark Tanger', 'Accueil', 'tanger@technopark.demo', '+212 539 00 00 03')],
    layout: {
      buildings: [{ code: 'T', name: { fr: 'Tour Technopark', ar: 'برج تكنوبارك', en: 'Technopark Tower' }, floors: 7 }],
      units: [
        { kind: 'office', count: 95, minM2: 14, maxM2: 30, label: 'Unité startup' },
        { kind: 'office', count: 4, minM2: 300, maxM2: 500, label: 'Grand plateau' },
        { kind: 'meeting_room', count: 4, minM2: 18, maxM2: 35, label: 'Salle de réunion', bookable: true },
        { kind: 'event_room', count: 1, minM2: 150, maxM2: 150, label: 'Auditorium', bookable: true },
      ],
    },
  },
  {
    slug: 'agadir',
    name: { fr: 'Technopark Agadir', ar: 'تكنوبارك أكادير', en: 'Technopark Agadir' },
    city: { fr: 'Agadir', ar: 'أكادير', en: 'Agadir' },
    region: 'souss_massa',
    address: 'Cité Founty, 80000 Agadir',
    latitude: 30.4034,
    longitude: -9.5811,
    status: 'open',
    openingDate: '2021-03-01',
    targetOpeningDate: null,
    sectors: ['ict', 'agritech', 'greentech', 'tourism', 'fisheries'],
    capacityCompanies: 107,
    description: {
      fr: 'Environ 10 000 m² : 52 unités startup, 49 unités PME, 6 unités grandes entreprises et une salle de 800 places.',
      ar: 'حوالي 10.000 م²: 52 وحدة للشركات الناشئة و49 وحدة للمقاولات الصغرى والمتوسطة و6 وحدات للشركات الكبرى وقاعة من 800 مقعد.',
      en: 'About 10,000 m²: 52 startup units, 49 SME units, 6 large-company units and an 800-seat hall.',
    },
    contacts: [contact('Accueil Technopark Agadir', 'Accueil', 'agadir@technopark.demo', '+212 528 00 00 04')],
    layout: {
      buildings: [
        { code: 'G1', name: { fr: 'Pôle entreprises', ar: 'قطب المقاولات', en: 'Business hub' }, floors: 4 },
        { code: 'G2', name: { fr: 'Pôle événements', ar: 'قطب التظاهرات', en: 'Events hub' }, floors: 1 },
      ],
      units: [
        { kind: 'office', count: 52, minM2: 20, maxM2: 35, label: 'Unité startup' },
        { kind: 'office', count: 49, minM2: 60, maxM2: 90, label: 'Unité PME' },
        { kind: 'office', count: 6, minM2: 250, maxM2: 400, label: 'Unité grande entreprise' },
        { kind: 'meeting_room', count: 5, minM2: 20, maxM2: 40, label: 'Salle de réunion', bookable: true },
        { kind: 'event_room', count: 1, minM2: 900, maxM2: 900, label: 'Salle de 800 places', bookable: true },
      ],
    },
  },
  {
    slug: 'cite-innovation-souss-massa',
    name: { fr: "Cité de l'innovation Souss-Massa", ar: 'مدينة الابتكار سوس ماسة', en: 'Souss-Massa City of Innovation' },
    city: { fr: 'Agadir', ar: 'أكادير', en: 'Agadir' },
    region: 'souss_massa',
    address: 'Campus universitaire Ibn Zohr, 80000 Agadir',
    latitude: 30.4167,
    longitude: -9.5489,
    status: 'open',
    openingDate: '2020-01-15',
    targetOpeningDate: null,
    sectors: ['agritech', 'greentech', 'ict'],
    capacityCompanies: 32,
    description: {
      fr: '4 900 m² sur le campus universitaire, jusqu’à 32 startups ; appel à manifestation d’intérêt puis pitch devant un comité.',
      ar: '4.900 م² داخل الحرم الجامعي، حتى 32 شركة ناشئة؛ طلب إبداء الاهتمام ثم عرض أمام لجنة.',
      en: '4,900 m² on the university campus, up to 32 startups; a call for expressions of interest, then a pitch to a committee.',
    },
    contacts: [contact('Cité de l’innovation', 'Coordination', 'cite-innovation@technopark.demo', '+212 528 00 00 05')],
    layout: {
      buildings: [{ code: 'CI', name: { fr: 'Bâtiment innovation', ar: 'بناية الابتكار', en: 'Innovation building' }, floors: 2 }],
      units: [
        { kind: 'office', count: 32, minM2: 20, maxM2: 40, label: 'Bureau startup' },
        { kind: 'studio', count: 4, minM2: 80, maxM2: 150, label: 'Laboratoire', bookable: true },
        { kind: 'coworking_desk', count: 20, minM2: 5, maxM2: 5, label: 'Poste coworking', bookable: true },
        { kind: 'meeting_room', count: 3, minM2: 18, maxM2: 30, label: 'Salle de réunion', bookable: true },
      ],
    },
  },
  ...(
    [
      ['oujda', 'Oujda', 'وجدة', 'Oujda', 'oriental', 34.6814, -1.9086, 'under_construction', '2027-03-31', ['ict', 'greentech']],
      ['fes', 'Fès', 'فاس', 'Fez', 'fes_meknes', 34.0331, -5.0003, 'planned', '2027-06-30', ['ict', 'cultural_creative', 'industry']],
      ['tiznit', 'Tiznit', 'تيزنيت', 'Tiznit', 'souss_massa', 29.6974, -9.7316, 'planned', '2027-10-31', ['agritech', 'greentech']],
    ] as const
  ).map(
    ([slug, fr, ar, en, region, latitude, longitude, status, target, sectors]): DemoPark => ({
      slug,
      name: { fr: `Technopark ${fr}`, ar: `تكنوبارك ${ar}`, en: `Technopark ${en}` },
      city: { fr, ar, en },
      region,
      address: '',
      latitude,
      longitude,
      status,
      openingDate: null,
      targetOpeningDate: target,
      sectors: [...sectors],
      capacityCompanies: null,
      description: {
        fr: 'Parc prévu dans la feuille de route régionale du réseau (10 parcs en 2027).',
        ar: 'حديقة مبرمجة في خارطة الطريق الجهوية للشبكة (10 حدائق في 2027).',
        en: "A park planned in the network's regional roadmap (10 parks by 2027).",
      },
      contacts: [],
      layout: { buildings: [], units: [] },
    }),
  ),
];
