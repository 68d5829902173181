'use strict';
/** Word lists for the Recruitee generator (plain data, no logic). */

const FIRST_NAMES = [
  'Aarav', 'Aisha', 'Alejandro', 'Amara', 'Anna', 'Arjun', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel',
  'Diya', 'Elena', 'Emeka', 'Emma', 'Fatima', 'Felix', 'Gabriel', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jana',
  'Jonas', 'Julia', 'Kai', 'Kavya', 'Leila', 'Liam', 'Lucia', 'Mahmoud', 'Maja', 'Mateo', 'Mei', 'Mia',
  'Nikhil', 'Noah', 'Nora', 'Oliver', 'Olga', 'Omar', 'Priya', 'Rafael', 'Rohan', 'Sara', 'Sofia', 'Tariq',
  'Thomas', 'Uma', 'Victor', 'Wiktoria', 'Yara', 'Yusuf', 'Zoe', 'Zanele',
];

const LAST_NAMES = [
  'Adeyemi', 'Andersen', 'Bakker', 'Banerjee', 'Becker', 'Bianchi', 'Castro', 'Chowdhury', 'Costa', 'Dubois',
  'Eriksen', 'Fernandez', 'Fischer', 'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Ito', 'Jansen', 'Kapoor', 'Kim',
  'Kowalski', 'Larsen', 'Lopez', 'Martin', 'Meyer', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Olsen', 'Patel',
  'Pereira', 'Petrov', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Svensson', 'Tanaka', 'Thapa',
  'Van Dijk', 'Wagner', 'Wang', 'Weber', 'Yilmaz', 'Zhang', 'Zielinski',
];

const SKILLS = [
  'Python', 'React', 'TypeScript', 'Java', 'Go', 'SQL', 'Kubernetes', 'AWS', 'Figma', 'Excel', 'Salesforce',
  'HubSpot', 'SEO', 'Copywriting', 'Negotiation', 'Public speaking', 'Microsoft Word', 'Microsoft Office',
  'HTML', 'CSS', 'Node.js', 'Docker', 'Terraform', 'Scrum', 'Data analysis', 'Recruiting', 'Sourcing',
];

const ROLES = [
  'Backend Engineer', 'Frontend Engineer', 'Full-stack Developer', 'DevOps Engineer', 'QA Engineer',
  'Data Analyst', 'Data Scientist', 'Product Manager', 'Product Designer', 'UX Researcher',
  'Account Executive', 'Sales Development Representative', 'Customer Success Manager', 'Support Specialist',
  'Marketing Specialist', 'Content Writer', 'HR Generalist', 'Recruiter', 'Office Manager', 'Financial Analyst',
];

const POOL_TITLES = [
  'Silver medalists', 'Future engineers', 'Sales talent pool', 'Design talent pool', 'Graduates',
  'Referrals pool', 'Open applications', 'Returning candidates', 'Interns', 'Leadership pipeline',
];

/** [city, country name, country_code, state_code, state_name, postal_code] */
const CITIES = [
  ['Amsterdam', 'Netherlands', 'NL', 'NH', null, '1011 AB'],
  ['Berlin', 'Germany', 'DE', 'BE', null, '10115'],
  ['London', 'United Kingdom', 'GB', 'LND', null, 'EC1A 1BB'],
  ['New York', 'United States', 'US', 'NY', 'New York', '10001'],
  ['San Francisco', 'United States', 'US', 'CA', 'California', '94103'],
  ['Warsaw', 'Poland', 'PL', 'MZ', null, '00-001'],
  ['Kathmandu', 'Nepal', 'NP', null, null, '44600'],
  ['Bengaluru', 'India', 'IN', 'KA', 'Karnataka', '560001'],
  ['Lisbon', 'Portugal', 'PT', '11', null, '1100-148'],
  ['Toronto', 'Canada', 'CA', 'ON', 'Ontario', 'M5H 2N2'],
];

const TAG_NAMES = [
  'Top talent', 'Referral', 'Remote', 'Relocation', 'Visa needed', 'Senior', 'Junior', 'Rehire',
  'Diversity', 'Silver medalist', 'Python', 'React', 'Java', 'Sales', 'Design', 'Leadership',
  'Part-time', 'Freelance', 'Graduate', 'Do not contact',
];

const OFFER_TAGS = ['Remote', 'Hybrid', 'Mid-level', 'Senior', 'Junior', 'Urgent'];

const REFERRERS = ['Indeed', 'LinkedIn', 'Glassdoor', 'StackOverflow', 'Company website'];

module.exports = { FIRST_NAMES, LAST_NAMES, SKILLS, ROLES, POOL_TITLES, CITIES, TAG_NAMES, OFFER_TAGS, REFERRERS };
