'use strict';
/**
 * The seed document's own records (/work/shared/seeds/000_*.txt), as generator
 * specs, so that the samples round-trip through the sandbox. Values the seed
 * does not show (e.g. some offers' created_at) are invented and marked "[inv]".
 */

const SUBDOMAIN = 'saugat';

/** Stage list of the default pipeline template (seed offer "marketer-sample"). */
const DEFAULT_STAGES = [
  { category: 'referred', group: 'applicants', locked: true, name: 'Referred', position: -3 },
  { category: 'sourced', group: 'applicants', locked: true, name: 'Sourced', position: -2 },
  { category: 'apply', group: 'applicants', locked: true, name: 'Applied', position: -1 },
  { category: 'phone_screen', group: 'active', locked: false, name: 'Phone interview', position: 1 },
  { category: 'interview', group: 'active', locked: false, name: 'On-site interview', position: 2 },
  { category: 'evaluation', group: 'active', locked: false, name: 'Evaluation', position: 3 },
  { category: 'offer', group: 'active', locked: false, name: 'Offer', position: 4 },
  { category: 'hire', group: 'hires', locked: false, name: 'Hired', position: 5 },
];

/** "Recruiter (Sample)": the seed shows Applied=8176678 and Evaluation=8176680 (position 3). [inv] */
const RECRUITER_STAGES = DEFAULT_STAGES.filter((s) => s.category !== 'interview');

const ADMINS = [
  {
    email: 'ishwar0123@gmail.com',
    first_name: 'Ishwar',
    has_avatar: false,
    id: 322453,
    initials: 'IG',
    last_name: 'Gautam',
    photo_normal_url: 'https://recruitee-main.s3.eu-central-1.amazonaws.com/admins/322453/normal_avatar_rcy76v9yg2ly.png',
    photo_thumb_url: 'https://recruitee-main.s3.eu-central-1.amazonaws.com/admins/322453/thumb_avatar_rcy76v9yg2ly.png',
    time_format24: true,
    timezone: 'Asia/Kathmandu',
  },
];

/** Generated admins ([inv]); 322384 is the admin named in the seed's field visibility. */
const MORE_ADMINS = [
  ['Saugat', 'Acharya', 322384, 'saugat.acharya@example.com', 'Asia/Kathmandu', true],
  ['Priya', 'Sharma', 322461, 'priya.sharma@example.com', 'Europe/London', true],
  ['Lukas', 'Novak', 322478, 'lukas.novak@example.com', 'Europe/Prague', true],
  ['Emma', 'Larsen', 322490, 'emma.larsen@example.com', 'America/New_York', false],
];

/** Department ids from the seed; names other than Marketing are [inv]. */
const DEPARTMENTS = [
  { id: 294697, name: 'Operations' },
  { id: 294698, name: 'Human Resources' },
  { id: 294699, name: 'Marketing' },
  { id: 294700, name: 'Engineering' },
  { id: 294701, name: 'Sales' },
  { id: 294702, name: 'Customer Success' },
];

const NO_PLACE = { location: '', city: null, country_code: null, state_code: null, state_name: '', postal_code: null, employment_type: null };

/**
 * Offer specs. `stages` + `templateId` + `firstStageId` describe the pipeline (jobs only).
 */
const OFFERS = [
  {
    ...NO_PLACE,
    id: 1209652, kind: 'talent_pool', status: 'archived', title: 'Next recruitment - Q3 (Sample)', slug: 'next-recruitment-q3-sample',
    guid: 'mk46o', department_id: 294699, position: null, example: true, offer_tags: [],
    created_at: '2023-01-31T08:15:23.094934Z', updated_at: '2023-02-01T08:17:14.434673Z', published_at: null, closed_at: null,
    hiring_manager_id: null, recruiter_id: null,
  },
  {
    ...NO_PLACE,
    id: 1209653, kind: 'talent_pool', status: 'draft', title: 'Rising stars (Sample)', slug: 'rising-stars-sample',
    guid: '63urn', department_id: 294697, position: null, example: true, offer_tags: [],
    created_at: '2023-01-31T08:15:23.081377Z', updated_at: '2023-01-31T08:15:23.081377Z', published_at: null, closed_at: null, // [inv] dates
    hiring_manager_id: null, recruiter_id: null,
  },
  {
    id: 1209655, kind: 'job', status: 'published', title: 'Senior Marketer (Sample)', slug: 'senior-marketer-sample-london',
    guid: 'gl7y1', department_id: 294699, position: 4, example: true, offer_tags: ['Sample', 'Senior'],
    location: 'New York, United States', city: 'New York', country_code: 'US', state_code: 'NY', state_name: 'New York', // [inv] address
    postal_code: '10001', employment_type: 'fulltime',
    created_at: '2023-01-31T08:15:23.166120Z', updated_at: '2023-01-31T08:15:47.301188Z', // [inv]
    published_at: '2023-01-31T08:15:47.301188Z', closed_at: null, hiring_manager_id: null, recruiter_id: null,
    templateId: 663997, firstStageId: 8176668, stages: DEFAULT_STAGES,
  },
  {
    ...NO_PLACE,
    id: 1209656, kind: 'job', status: 'internal', title: 'Recruiter (Sample)', slug: 'recruiter-sample',
    guid: 'ph6ak', department_id: 294698, position: 2, example: true, offer_tags: ['Sample', 'Remote'],
    location: 'Remote job', state_name: null, employment_type: 'fulltime',
    created_at: '2023-01-31T08:15:23.193215Z', updated_at: '2023-01-31T08:15:23.193215Z', // [inv]
    published_at: null, closed_at: null, hiring_manager_id: 322453, recruiter_id: 322453,
    templateId: 663998, firstStageId: 8176676, stages: RECRUITER_STAGES,
  },
  {
    id: 1209657, kind: 'job', status: 'archived', title: 'Marketer (Sample)', slug: 'marketer-sample',
    guid: 'h7aek', department_id: 294699, position: 2, example: true, offer_tags: ['Sample', 'Mid-level', 'Remote'],
    location: 'London, United Kingdom', city: 'London', country_code: 'GB', state_code: 'LND', state_name: null,
    postal_code: '01-001', employment_type: 'fulltime',
    created_at: '2023-01-31T08:15:23.180434Z', updated_at: '2023-01-31T08:15:47.339062Z', published_at: null, closed_at: null,
    hiring_manager_id: null, recruiter_id: null,
    templateId: 663996, firstStageId: 8176660, stages: DEFAULT_STAGES,
  },
];

/** Stage timestamps shown by the seed's references. */
const STAGE_TIMES = {
  8176671: ['2023-01-31T08:15:23.201249Z', '2023-01-31T08:15:23.201250Z'],
  8176678: ['2023-01-31T08:15:23.201246Z', '2023-01-31T08:15:23.201247Z'],
  8176680: ['2023-01-31T08:15:23.201253Z', '2023-01-31T08:15:23.201254Z'],
};

const S3 = 'https://recruitee-main.s3.eu-central-1.amazonaws.com/candidates';

/**
 * Candidate specs (see data.js buildCandidate for every field's default).
 * Placements: [id, offer_id, stage_id, position, created_at, updated_at, disqualification?]
 */
const CANDIDATES = [
  {
    id: 47628534, name: 'Jasprit Bumrah', emails: ['jaspritbumrah01@cricket.com'], phones: [], admin_id: 322453,
    created_at: '2023-02-07T07:09:08.809894Z', updated_at: '2023-02-09T09:10:25.218237Z',
    last_activity_at: '2023-02-09T12:26:38.974597Z', example: false, has_avatar: true,
    photo: '6ncy32n7kkcl.jpg', source: 'manual', referrer: null,
    skillsFieldId: 113039959, skills: ['Microsoft Word', 'Microsoft Office', 'HTML'],
    placements: [[50538859, 1209656, 8176678, 3, '2023-02-07T07:09:47.246854Z', '2023-02-07T07:09:47.246854Z']],
  },
  {
    id: 47318282, name: 'Arjun Sharma', emails: [], phones: [], admin_id: 322453,
    created_at: '2023-01-31T10:36:52.041782Z', updated_at: '2023-01-31T10:40:04.184694Z',
    last_activity_at: '2023-02-07T07:11:21.475526Z', example: false, has_avatar: false,
    photo: 'y25v2sy7ur4h.png', source: 'manual', referrer: null,
    placements: [
      [50469664, 1209653, null, 6, '2023-02-06T08:18:51.659338Z', '2023-02-06T08:18:51.659338Z'],
      [50537777, 1209656, 8176680, 1, '2023-02-07T06:29:57.816763Z', '2023-02-07T07:11:21.475526Z',
        { kind: 'admin', reason: 'Not a fit', by: 322453 }],
    ],
  },
  {
    id: 47308506, name: 'John Doe (Sample)', emails: ['johndoe@recruiteemail.com'], phones: ['+15555555555'], admin_id: null,
    created_at: '2023-01-15T08:15:23.218162Z', updated_at: '2023-01-15T08:15:23.218162Z',
    last_activity_at: '2023-02-08T08:21:17.652758Z', example: true, has_avatar: true,
    photo: 'dwnreupyp7ry.jpg', source: 'career_site', referrer: 'Indeed',
    placements: [
      [50467996, 1209653, null, 3, '2023-02-06T07:56:06.724315Z', '2023-02-06T07:56:06.724315Z'],
      [50181296, 1209655, 8176671, 1, '2023-01-15T08:15:23.218162Z', '2023-02-08T08:21:17.652758Z'],
    ],
  },
  {
    id: 47308538, name: 'Zachery Bahringer (Sample)', emails: ['zacherybahringer@recruiteemail.com'], phones: ['+15555555555'],
    admin_id: null, created_at: '2023-01-10T08:15:44.197160Z', updated_at: '2023-01-10T08:15:44.197160Z',
    last_activity_at: '2023-01-10T08:15:44.197160Z', example: true, has_avatar: true,
    photo: 'knfvrsnsgk1u.jpg', source: 'career_site', referrer: 'Indeed',
    positive_ratings: 75, ratings: { yes: 1 }, ratings_count: 1, tasks_count: 1, rating: 75,
    placements: [[50181326, 1209653, null, 1, '2023-01-10T08:15:44.197160Z', '2023-01-10T08:15:44.197160Z']],
  },
];

/** Disqualify reasons; 727738 "Not a fit" is the seed's. Other ids [inv]. */
const DISQUALIFY_REASONS = [
  { id: 727738, name: 'Not a fit' },
  { id: 727739, name: 'Overqualified' },
  { id: 727740, name: 'Underqualified' },
  { id: 727741, name: 'Salary expectations too high' },
  { id: 727742, name: 'Withdrew' },
  { id: 727743, name: 'Position filled' },
  { id: 727744, name: 'No response' },
];

module.exports = {
  SUBDOMAIN,
  S3,
  DEFAULT_STAGES,
  ADMINS,
  MORE_ADMINS,
  DEPARTMENTS,
  OFFERS,
  STAGE_TIMES,
  CANDIDATES,
  DISQUALIFY_REASONS,
};
