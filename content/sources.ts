/**
 * Where the routine library's techniques and cautions come from: every routine in
 * content/routines.ts cites sources from this table by id, and content/source-notes.ts says, per
 * routine, what it takes from each one. The break player and docs/ROUTINES.md show a source's
 * title and publisher, with a link when it has a public URL.
 *
 * Two kinds of source:
 * - `article`: five web articles on massage therapy and self-care for back pain that the library
 *   started from. Only offline copies were used, so they are cited by title (and publisher where
 *   the article names one), without a link. Nothing in this repository reads those copies.
 * - `web`: public pages from health services, professional bodies, hospitals and regulators, for
 *   what the articles do not cover (eyes, screens, wrists, neck, chest, posture, breathing, and
 *   self-massage of the neck and shoulders).
 *
 * Ids are stable (content/source-notes.ts and the tests refer to them). Titles and publishers are
 * proper names of English-language publications, shown as they are in every language. A page is
 * cited for what it says, never copied: the routines put its technique in Limber's own words.
 */

import type { MessageKey } from '../lib/i18n';

export interface Source {
  kind: 'article' | 'web';
  /** The publication's own title. */
  title: string;
  /** Who published it, or null when the article does not say. */
  publisher: string | null;
  /** Public https/http address of a `web` source; null for an `article` (offline copy only). */
  url: string | null;
  /** Short English aside that tells apart two sources with the same title, or says where a copy is hosted. */
  aside?: string;
}

export const SOURCES = {
  // --- The five articles (offline copies; cited by title, no link) ---------------------------
  'article-relieve-tension': {
    kind: 'article',
    title: 'Relieve Tension and Pain in the Muscles With Back Pain and Massage Therapy',
    publisher: null,
    url: null,
  },
  'article-massage-strain-posture': {
    kind: 'article',
    title: 'Massage Therapy For Back Pain',
    publisher: null,
    url: null,
    aside: 'the article on muscle strain, posture and sleep',
  },
  'article-massage-untitled': {
    kind: 'article',
    title: 'Untitled article on massage therapy for back pain',
    publisher: null,
    url: null,
    aside: 'opens with “Introduction to Massage Therapy for Back Pain”',
  },
  'article-lasting-relief': {
    kind: 'article',
    title: 'Back Pain Massage Treatment for Lasting Relief',
    publisher: 'Mountain Health and Performance',
    url: null,
  },
  'article-massage-kneading': {
    kind: 'article',
    title: 'Massage Therapy For Back Pain',
    publisher: null,
    url: null,
    aside: 'the article on kneading, effleurage and range of motion',
  },

  // --- Public pages from health publishers ---------------------------------------------------
  'nhs-newcastle-body-check': {
    kind: 'web',
    title: '1 Minute Body Check',
    publisher: 'Newcastle upon Tyne Hospitals NHS Foundation Trust, Occupational Health physiotherapy',
    url: 'https://newcastle-hospitals.nhs.uk/services/newcastle-occupational-health-service/physiotherapy/1-minute-body-check',
  },
  'nhs-cuh-general-exercises': {
    kind: 'web',
    title: 'General exercises',
    publisher: 'Cambridge University Hospitals NHS Foundation Trust',
    url: 'https://www.cuh.nhs.uk/patient-information/general-exercises/',
  },
  'nhs-cuh-neck-exercises': {
    kind: 'web',
    title: 'Neck exercises and advice (PIN2792)',
    publisher: 'Cambridge University Hospitals NHS Foundation Trust, Outpatient Physiotherapy',
    url: 'https://it.scribd.com/document/225404379/PIN2792-Neck-Exercises-and-Advice',
    aside: 'a copy of the leaflet hosted on Scribd',
  },
  'nhs-tayside-exercises-at-home': {
    kind: 'web',
    title: 'Exercises to try at home',
    publisher: 'NHS Tayside (Right Decisions, NHS Scotland)',
    url: 'https://rightdecisions.scot.nhs.uk/being-a-partner-in-my-care-realistic-medicine-together/local-resources/nhs-tayside/exercises-to-try-at-home',
  },
  'nhs-upper-back-stretch': {
    kind: 'web',
    title: 'NHS Strength and flexibility: upper back stretch',
    publisher: 'NHS (nhs.uk)',
    url: 'https://www.nhs.uk/Video/Pages/strength-and-flex-upper-back-stretch.aspx',
  },
  'nhs-camhs-lincs-relaxation': {
    kind: 'web',
    title: 'Relaxation techniques',
    publisher: 'CAMHS Lincolnshire (NHS)',
    url: 'http://wearecamhslincs.nhs.uk/relaxation-techniques/',
  },
  'bangor-upper-back-stretch': {
    kind: 'web',
    title: 'Upper Back Stretch',
    publisher: 'Bangor University (Move home exercise programme)',
    url: 'http://move.bangor.ac.uk/home-exercise/flexibility/upper-back-stretch.php.en',
  },
  'sira-exercises-while-sitting': {
    kind: 'web',
    title: 'Exercises while sitting (whiplash neck exercises)',
    publisher: 'State Insurance Regulatory Authority (SIRA), NSW Government',
    url: 'https://www.sira.nsw.gov.au/resources-library/motor-accident-resources/publications/injury-advice-centre/whiplash-neck-exercises/exercises-while-sitting',
  },
  'hse-vdu-breaks': {
    kind: 'web',
    title: 'Should VDU users be given breaks?',
    publisher: 'Health and Safety Executive (HSE), Great Britain',
    url: 'https://www.hse.gov.uk/contact/faqs/vdubreaks.htm',
  },
  'aao-home-office-eyes': {
    kind: 'web',
    title: "Looks like the home office is here to stay: here's how to protect your eyes",
    publisher: 'American Academy of Ophthalmology (news release, 2021)',
    url: 'https://www.prnewswire.com/news-releases/looks-like-the-home-office-is-here-to-stay-heres-how-to-protect-your-eyes-301244952.html',
    aside: 'published on PR Newswire',
  },
  'wellspan-chest-shoulder-stretch': {
    kind: 'web',
    title: 'Chest and shoulder stretch',
    publisher: 'WellSpan Health (health library)',
    url: 'https://www.wellspan.org/health-library/Document.aspx?id=hw200894',
  },
  'umass-shoulder-shrug': {
    kind: 'web',
    title: 'Shoulder Shrug Exercise',
    publisher: 'UMass Memorial Health (health library)',
    url: 'https://ummhealth.org/health-library/shoulder-shrug-exercise',
  },
  'hartford-seated-hamstring': {
    kind: 'web',
    title: 'Snooze, You Lose: How to do a Seated Hamstring Stretch at Work',
    publisher: 'Hartford HealthCare (HealthNews Hub)',
    url: 'https://healthnewshub.org/physical-rehabilitation/top-news/snooze-you-loose-how-to-do-a-seated-hamstring-stretch-at-work/',
  },
  'eskenazi-piriformis-stretch': {
    kind: 'web',
    title: 'Exercise of the Month: Piriformis Stretch for Sciatica',
    publisher: 'Eskenazi Health',
    url: 'https://www.eskenazihealth.edu/news/exercise-of-the-month-piriformis-stretch-for-sciatica',
  },
  'merck-wrist-extensor-stretch': {
    kind: 'web',
    title: 'Wrist Extensor Stretch',
    publisher: 'Merck Manual, Consumer Version (courtesy of Tomah Memorial Hospital physical therapy)',
    url: 'http://www.merckmanuals.com/en-pr/home/multimedia/video/v13975646',
  },
  'amta-hand-wrist-self-care': {
    kind: 'web',
    title: '5 Self-Care Exercises: Hands + Wrists',
    publisher: 'American Massage Therapy Association (AMTA)',
    url: 'https://www.amtamassage.org/articles/6/Student_Experience_Newsletter/detail/3402/5-self-care-exercises-hands-wrists',
  },
  'hse-ie-sitting-exercises': {
    kind: 'web',
    title: 'Sitting exercises',
    publisher: 'HSE (Health Service Executive, Ireland)',
    url: 'https://www2.hse.ie/living-well/exercise/indoor-exercises/sitting-exercises',
  },
  'plymouth-tendon-gliding': {
    kind: 'web',
    title: 'Active Tendon Gliding Exercises',
    publisher: 'University Hospitals Plymouth NHS Trust, Occupational Therapy (patient leaflet)',
    url: 'https://www.plymouthhospitals.nhs.uk/display-pil/pil-active-tendon-gliding-exercises-5881',
  },
  'uhcw-hand-therapy-exercises': {
    kind: 'web',
    title: 'Other hand therapy exercises',
    publisher: 'University Hospitals Coventry and Warwickshire NHS Trust, hand unit',
    url: 'https://www.uhcwhand.org/multimedia/other-therapy-exercises',
  },
  'lpt-relaxed-breathing': {
    kind: 'web',
    title: 'Relaxed breathing for stress (The Yellow Book 2017-18)',
    publisher: 'Leicestershire Partnership NHS Trust',
    url: 'https://rethinkyourmind.co.uk/the-lpt-nhs-yellow-book-2017-18/inc/html/49.html',
  },
  'umn-sit-stand-ergonomics': {
    kind: 'web',
    title: 'Sit-Stand Desk Ergonomics',
    publisher: 'University of Minnesota, Health, Safety, and Risk Management',
    url: 'https://hsrm.umn.edu/sit-stand-desk-ergonomics',
  },
  'nhs-sit-less': {
    kind: 'web',
    title: 'Why we should sit less',
    publisher: 'NHS (nhs.uk)',
    url: 'https://www.nhs.uk/live-well/exercise/why-sitting-too-much-is-bad-for-us/',
  },
  'iom-hospice-self-massage': {
    kind: 'web',
    title: 'Tension soothing self-shoulder, arm, neck and head massage',
    publisher: 'Hospice Isle of Man, Complementary Therapies',
    url: 'https://www.hospice.org.im/our-care/hospice-care/our-adult-services/complementary-therapies/complementary-therapy-resources/tension-soothing/',
  },
  'atrius-close-work': {
    kind: 'web',
    title: 'Close work and vision problems',
    publisher: 'Atrius Health, Optometry',
    url: 'https://www.atriushealth.org/services/eye-care/optometry/common-visual-conditions/close-work-and-vision-problems',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

/** The source behind `id` (content/catalogue-sources.test.ts checks that every citation resolves). */
export const sourceOf = (id: SourceId): Source => SOURCES[id];

/** "Title (aside)" as shown to people: the aside tells apart two articles with the same title. */
export const sourceLabel = (s: Source): string => (s.aside ? `${s.title} (${s.aside})` : s.title);

/**
 * Routines that use a technique on an area none of their sources describes it on (content/source-notes.ts,
 * UNCOVERED, says what and why for docs/ROUTINES.md; those notes stay out of the pages): the message
 * the break player's source list shows under the sources, so that "Sources" is not read as covering
 * that area. content/catalogue-sources.test.ts keeps the two tables in step.
 */
export const SOURCE_GAPS: Readonly<Partial<Record<string, MessageKey>>> = {
  'massage-ball-hips-wall': 'sourcesGapHips',
};
