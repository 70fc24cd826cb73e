import { z } from 'zod';
import { classified } from '../classified';
import { publicMeta, tagFields } from '../internal/tagFields';

// Catalog metadata an organization publishes about itself: public.
const META = publicMeta('Dataset catalog metadata published on the open data portal (DCAT-US).');

/** A DCAT-US 1.1 organization as parsed: a name and, at any depth, the parent it belongs to. */
export interface DcatOrganizationValue {
  '@type'?: 'org:Organization' | undefined;
  name: string;
  subOrganizationOf?: DcatOrganizationValue | undefined;
}

/**
 * A DCAT-US 1.1 publisher organization, with its chain of parent organizations kept whole.
 *
 * The official non-federal schema's `definitions/organization` requires `name` (`"type":
 * "string", "minLength": 1`), allows `@type` (`"enum": ["org:Organization"]`) and says
 * `"subOrganizationOf": {"title": "Parent Organization", "$ref": "#"}`: the parent is itself an
 * organization, to any depth (GSA's ARM sample nests four levels, up to "U.S. Government").
 * The schema is recursive (a zod 4 getter), and its JSON Schema is one `$defs` entry that
 * references itself.
 *
 * Standard: [DCAT-US Schema v1.1, publisher](https://resources.data.gov/resources/dcat-us/#publisher).
 */
export const DcatOrganization: z.ZodType<DcatOrganizationValue, DcatOrganizationValue> = classified(
  z.object(
    tagFields(
      {
        '@type': z.literal('org:Organization').optional(),
        name: z.string().min(1),
        get subOrganizationOf() {
          return DcatOrganization.optional();
        },
      },
      META,
    ),
  ),
  META,
).meta({
  id: 'DcatUsOrganization',
  title: 'Organization',
  description: 'DCAT-US 1.1 organization (publisher), with its parent organizations',
});
/** A DCAT-US 1.1 organization. */
export type DcatOrganization = DcatOrganizationValue;
