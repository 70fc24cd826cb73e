import { z } from 'zod';
import { DepartmentCode } from './DepartmentCode';
import { StandardsSchemaError } from './errors';
import { publicMeta, tagFields } from './internal/tagFields';

// Fields not tagged one by one below are public: The City’s published organization chart.
const META = publicMeta('The City’s published organization chart.');

/**
 * A City department as data: its code (what `Principal.department` and agreements use), name,
 * parent and cabinet. Another municipality replaces `BOSTON_DEPARTMENTS` with its own list.
 */
export const Department = z
  .object(
    tagFields(
      {
        code: DepartmentCode,
        name: z.string().min(1),
        shortName: z.string().min(1).optional(),
        /** The parent department's code. */
        parent: DepartmentCode.optional(),
        cabinet: z.string().min(1).optional(),
        url: z.url({ protocol: /^https$/ }).optional(),
      },
      META,
    ),
  )
  .meta({ id: 'Department', title: 'Department', description: 'A City department' });
/** A City department. */
export type Department = z.infer<typeof Department>;

/** A list of departments with unique codes whose parents are in the list. */
export const DepartmentList = z.array(Department).superRefine((list, ctx) => {
  const codes = new Set<string>();
  list.forEach((d, i) => {
    if (codes.has(d.code))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'code'],
        message: `Duplicate department code ${d.code}`,
      });
    codes.add(d.code);
  });
  list.forEach((d, i) => {
    if (d.parent !== undefined && !codes.has(d.parent)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'parent'],
        message: `Unknown parent department ${d.parent}`,
      });
    }
  });
});

/** The City of Boston's departments most apps meet (codes as the City uses them). */
export const BOSTON_DEPARTMENTS: readonly Department[] = DepartmentList.parse([
  {
    code: 'DoIT',
    name: 'Department of Innovation and Technology',
    cabinet: 'Operations',
    url: 'https://www.boston.gov/departments/innovation-and-technology',
  },
  {
    code: 'BOS311',
    name: 'Boston 311',
    parent: 'DoIT',
    cabinet: 'Operations',
    url: 'https://www.boston.gov/departments/boston-311',
  },
  {
    code: 'PWD',
    name: 'Public Works Department',
    cabinet: 'Streets',
    url: 'https://www.boston.gov/departments/public-works',
  },
  {
    code: 'BTD',
    name: 'Boston Transportation Department',
    cabinet: 'Streets',
    url: 'https://www.boston.gov/departments/transportation',
  },
  {
    code: 'ISD',
    name: 'Inspectional Services Department',
    cabinet: 'Operations',
    url: 'https://www.boston.gov/departments/inspectional-services',
  },
  {
    code: 'PARKS',
    name: 'Parks and Recreation Department',
    cabinet: 'Environment, Energy, and Open Space',
    url: 'https://www.boston.gov/departments/parks-and-recreation',
  },
  {
    code: 'BPHC',
    name: 'Boston Public Health Commission',
    cabinet: 'Human Services',
    url: 'https://www.boston.gov/government/cabinets/boston-public-health-commission',
  },
  {
    code: 'OEM',
    name: 'Office of Emergency Management',
    cabinet: 'Public Safety',
    url: 'https://www.boston.gov/departments/emergency-management',
  },
  {
    code: 'ONS',
    name: 'Office of Neighborhood Services',
    cabinet: 'Community Engagement',
    url: 'https://www.boston.gov/departments/neighborhood-services',
  },
  {
    code: 'ASSESSING',
    name: 'Assessing Department',
    cabinet: 'Finance',
    url: 'https://www.boston.gov/departments/assessing',
  },
  {
    code: 'ELECTIONS',
    name: 'Election Department',
    cabinet: 'Operations',
    url: 'https://www.boston.gov/departments/elections',
  },
  {
    code: 'BCYF',
    name: 'Boston Centers for Youth & Families',
    cabinet: 'Human Services',
    url: 'https://www.boston.gov/departments/boston-centers-youth-families',
  },
  {
    code: 'MOH',
    name: "Mayor's Office of Housing",
    cabinet: 'Housing',
    url: 'https://www.boston.gov/departments/housing',
  },
  {
    code: 'PROCUREMENT',
    name: 'Procurement',
    cabinet: 'Finance',
    url: 'https://www.boston.gov/departments/procurement',
  },
  {
    code: 'BUDGET',
    name: 'Office of Budget Management',
    cabinet: 'Finance',
    url: 'https://www.boston.gov/departments/budget',
  },
]);

/**
 * The department with that code in `list` (Boston's by default).
 *
 * @throws StandardsSchemaError `INVALID_INPUT` for an unknown code.
 */
export function departmentByCode(
  code: string,
  list: readonly Department[] = BOSTON_DEPARTMENTS,
): Department {
  const found = list.find((d) => d.code === code);
  if (!found)
    throw new StandardsSchemaError(
      'INVALID_INPUT',
      `Unknown department code ${JSON.stringify(code)}`,
    );
  return found;
}
