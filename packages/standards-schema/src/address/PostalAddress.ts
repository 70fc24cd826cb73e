import { z } from 'zod';
import { publicMeta, tagFields } from '../internal/tagFields';

// Fields not tagged one by one below are public: Parts of a postal address as reference data; a record holding a person's address classifies that field.
const META = publicMeta(
  'Parts of a postal address as reference data; a record holding a person’s address classifies that field.',
);

/** A 5-digit ZIP code kept as a string, so Boston's leading zero (02118) survives. */
export const ZipCode = z
  .string()
  .regex(
    /^\d{5}$/,
    'Expected a 5-digit ZIP code such as 02118 (as text, keeping the leading zero)',
  );

/**
 * A US postal address in the parts of the FGDC United States Thoroughfare, Landmark, and Postal
 * Address Data Standard (FGDC-STD-016-2011) and USPS Publication 28: number, street name with
 * its directionals and type, occupancy (unit), place, state and ZIP.
 *
 * Standards: [FGDC-STD-016-2011](https://www.fgdc.gov/standards/projects/address-data),
 * [USPS Publication 28](https://pe.usps.com/text/pub28/welcome.htm).
 *
 * @example
 * ```ts
 * PostalAddress.parse({
 *   addressNumber: '1', streetName: 'City Hall', streetNamePostType: 'Sq',
 *   placeName: 'Boston', stateName: 'MA', zipCode: '02201',
 * });
 * ```
 */
export const PostalAddress = z
  .object(
    tagFields(
      {
        addressNumber: z
          .string()
          .regex(/^\d+[A-Za-z]?$/, 'Expected a street number such as 12 or 12A')
          .optional(),
        addressNumberSuffix: z.string().min(1).optional(),
        streetNamePreDirectional: z.enum(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']).optional(),
        streetName: z.string().min(1),
        /** USPS street suffix, e.g. St, Ave, Sq. */
        streetNamePostType: z.string().min(1).optional(),
        streetNamePostDirectional: z.enum(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']).optional(),
        /** e.g. Apt, Unit, Fl, Ste. */
        occupancyType: z.string().min(1).optional(),
        occupancyIdentifier: z.string().min(1).optional(),
        /** City or neighborhood postal name (Boston, Dorchester, Jamaica Plain...). */
        placeName: z.string().min(1),
        /** USPS two-letter state code. */
        stateName: z.string().regex(/^[A-Z]{2}$/, 'Expected a two-letter state code such as MA'),
        zipCode: ZipCode,
        zipPlus4: z
          .string()
          .regex(/^\d{4}$/, 'Expected the 4-digit ZIP+4 add-on')
          .optional(),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .default('US'),
      },
      META,
    ),
  )
  .meta({
    id: 'PostalAddress',
    title: 'PostalAddress',
    description: 'US postal address (FGDC/USPS parts)',
  });
/** A US postal address. */
export type PostalAddress = z.infer<typeof PostalAddress>;

/** The one-line USPS form: `12A Main St Apt 3, Boston, MA 02129`. */
export function formatPostalAddress(address: PostalAddress): string {
  const street = [
    address.addressNumber,
    address.addressNumberSuffix,
    address.streetNamePreDirectional,
    address.streetName,
    address.streetNamePostType,
    address.streetNamePostDirectional,
    address.occupancyType,
    address.occupancyIdentifier,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const zip = address.zipPlus4 ? `${address.zipCode}-${address.zipPlus4}` : address.zipCode;
  return `${street}, ${address.placeName}, ${address.stateName} ${zip}`;
}
