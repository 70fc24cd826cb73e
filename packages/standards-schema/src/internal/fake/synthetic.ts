// Fixed synthetic data for `@cityofboston/standards-schema/testing`. Names are common given names
// and surnames combined at random: no record describes a real person. Email addresses use the
// reserved example.org domain and phone numbers the fictional 555-01XX range.

export const FIRST_NAMES = [
  'Avery',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Quinn',
  'Rowan',
  'Emerson',
  'Harper',
  'Reese',
  'Skyler',
  'Dakota',
  'Finley',
  'Hayden',
  'Kendall',
  'Logan',
  'Parker',
  'Sawyer',
  'Taylor',
  'Alex',
  'Sam',
  'Jamie',
  'Drew',
  'Cameron',
  'Blake',
  'Elliot',
  'Marlowe',
  'Sasha',
  'Noor',
  'Ari',
] as const;

export const LAST_NAMES = [
  'Alder',
  'Birch',
  'Calloway',
  'Dunmore',
  'Ellery',
  'Fairbank',
  'Galloway',
  'Hartwell',
  'Ingram',
  'Jessup',
  'Kettering',
  'Lowell',
  'Merriman',
  'Northcott',
  'Oakley',
  'Pemberton',
  'Quimby',
  'Redfield',
  'Stanhope',
  'Thornbury',
  'Underhill',
  'Vance',
  'Whitcomb',
  'Yardley',
] as const;

/** Boston neighborhoods with a ZIP code, a ward and an inland point near their middle. */
export const NEIGHBORHOODS = [
  { name: 'Allston', zip: '02134', ward: '21', lat: 42.3539, lon: -71.1337 },
  { name: 'Back Bay', zip: '02116', ward: '5', lat: 42.3503, lon: -71.081 },
  { name: 'Beacon Hill', zip: '02108', ward: '5', lat: 42.3588, lon: -71.0677 },
  { name: 'Brighton', zip: '02135', ward: '22', lat: 42.3464, lon: -71.1527 },
  { name: 'Charlestown', zip: '02129', ward: '2', lat: 42.3782, lon: -71.0622 },
  { name: 'Dorchester', zip: '02124', ward: '17', lat: 42.2966, lon: -71.0676 },
  { name: 'Downtown', zip: '02109', ward: '3', lat: 42.3555, lon: -71.0594 },
  { name: 'East Boston', zip: '02128', ward: '1', lat: 42.3771, lon: -71.0365 },
  { name: 'Fenway', zip: '02215', ward: '4', lat: 42.3429, lon: -71.0993 },
  { name: 'Hyde Park', zip: '02136', ward: '18', lat: 42.2557, lon: -71.1245 },
  { name: 'Jamaica Plain', zip: '02130', ward: '19', lat: 42.3097, lon: -71.1141 },
  { name: 'Mattapan', zip: '02126', ward: '18', lat: 42.2771, lon: -71.0914 },
  { name: 'Mission Hill', zip: '02120', ward: '10', lat: 42.3296, lon: -71.1042 },
  { name: 'North End', zip: '02113', ward: '3', lat: 42.3647, lon: -71.0552 },
  { name: 'Roslindale', zip: '02131', ward: '20', lat: 42.2832, lon: -71.128 },
  { name: 'Roxbury', zip: '02119', ward: '12', lat: 42.3152, lon: -71.0894 },
  { name: 'South Boston', zip: '02127', ward: '6', lat: 42.3331, lon: -71.0486 },
  { name: 'South End', zip: '02118', ward: '9', lat: 42.3398, lon: -71.0745 },
  { name: 'West Roxbury', zip: '02132', ward: '20', lat: 42.2798, lon: -71.1597 },
] as const;

export const STREETS = [
  'Washington St',
  'Tremont St',
  'Columbus Ave',
  'Dorchester Ave',
  'Blue Hill Ave',
  'Centre St',
  'Hyde Park Ave',
  'Commonwealth Ave',
  'Boylston St',
  'Cambridge St',
  'Bennington St',
  'Massachusetts Ave',
  'Harrison Ave',
  'Adams St',
  'River St',
  'Beacon St',
  'Hanover St',
  'Broadway',
  'Warren St',
  'South St',
] as const;

export const SERVICES = [
  {
    code: 'PWD-POTHOLE',
    name: 'Request for Pothole Repair',
    department: 'PWD',
    queue: 'PWD_District Repair',
  },
  {
    code: 'PWD-STREETLIGHT',
    name: 'Street Light Outages',
    department: 'PWD',
    queue: 'PWD_Street Lights',
  },
  {
    code: 'PWD-MISSED-TRASH',
    name: 'Missed Trash/Recycling/Yard Waste',
    department: 'PWD',
    queue: 'PWD_Sanitation',
  },
  {
    code: 'PWD-SIDEWALK',
    name: 'Sidewalk Repair',
    department: 'PWD',
    queue: 'PWD_Highway Maintenance',
  },
  { code: 'PWD-GRAFFITI', name: 'Graffiti Removal', department: 'PWD', queue: 'PWD_Graffiti' },
  { code: 'BTD-SIGN', name: 'Sign Repair', department: 'BTD', queue: 'BTD_Signs' },
  {
    code: 'BTD-PARKING',
    name: 'Parking Enforcement',
    department: 'BTD',
    queue: 'BTD_Parking Enforcement',
  },
  { code: 'BTD-SIGNAL', name: 'Traffic Signal Repair', department: 'BTD', queue: 'BTD_Signals' },
  {
    code: 'ISD-RODENT',
    name: 'Rodent Activity',
    department: 'ISD',
    queue: 'ISD_Environmental Services',
  },
  {
    code: 'ISD-BUILDING',
    name: 'Building Inspection Request',
    department: 'ISD',
    queue: 'ISD_Building',
  },
  {
    code: 'PARKS-TREE',
    name: 'Tree Maintenance Requests',
    department: 'PARKS',
    queue: 'PARKS_Tree Maintenance',
  },
  {
    code: 'PARKS-MAINT',
    name: 'Park Maintenance and Safety',
    department: 'PARKS',
    queue: 'PARKS_Maintenance',
  },
] as const;

export const DESCRIPTIONS = [
  'Large pothole in the travel lane near the crosswalk.',
  'Light has been out for several nights.',
  'Trash was not picked up on the scheduled day.',
  'Broken sidewalk panel is a tripping hazard.',
  'Graffiti on the side of the utility box.',
  'Stop sign is bent and hard to see.',
  'Car parked in the bike lane all morning.',
  'Rats seen near the dumpsters behind the building.',
  'Tree limb hanging over the sidewalk after the storm.',
  'Swing set chain is broken at the playground.',
] as const;

export const DEPARTMENTS = ['PWD', 'BTD', 'ISD', 'PARKS', 'DoIT', 'BPHC', 'OEM'] as const;

export const ROLES = ['case.worker', 'case.supervisor', 'dept.admin', 'auditor', 'viewer'] as const;

export const ACTIONS = [
  'case.view',
  'case.update',
  'case.close',
  'case.export',
  'auth.login',
  'auth.logout',
  'share.export',
] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
] as const;

export const WORDS = [
  'street',
  'light',
  'repair',
  'request',
  'park',
  'permit',
  'inspection',
  'tree',
  'sidewalk',
  'signal',
  'water',
  'service',
  'report',
  'review',
  'budget',
  'metric',
  'city',
  'record',
] as const;
