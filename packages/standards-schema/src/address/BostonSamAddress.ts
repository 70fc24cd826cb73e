import { z } from 'zod';
import { publicMeta, tagFields } from '../internal/tagFields';
import { GeoPoint } from '../primitives/GeoPoint';
import { ZipCode } from './PostalAddress';

// Fields not tagged one by one below are public: The City’s published address reference (SAM); a record holding a person's address classifies that field.
const META = publicMeta(
  'The City’s published address reference (SAM); a record holding a person’s address classifies that field.',
);

/**
 * An address from Boston's Street Address Management (SAM) system, the City’s master address
 * list: its SAM id, the street number or number range, street, unit, ZIP, ward and precinct, the
 * assessing parcel, and the point (WGS84, and the EPSG:2249 state plane feet SAM stores).
 * Convert between the two with `statePlaneToWgs84` / `wgs84ToStatePlane`.
 *
 * Source: [Boston Live Street Address Management (SAM) Addresses](https://data.boston.gov/dataset/live-street-address-management-sam-addresses).
 *
 * @example
 * ```ts
 * BostonSamAddress.parse({
 *   samAddressId: '366213', streetNumber: '1', streetName: 'City Hall', streetSuffix: 'Sq',
 *   zipCode: '02201', ward: '03', precinct: '0306', parcelId: '0303750000',
 *   point: { lat: 42.360253, lon: -71.058291 },
 * });
 * ```
 */
export const BostonSamAddress = z
  .object(
    tagFields(
      {
        samAddressId: z.string().regex(/^\d{1,10}$/, 'Expected a numeric SAM address id'),
        /** The building's SAM id when this is a unit. */
        buildingId: z
          .string()
          .regex(/^\d{1,10}$/)
          .optional(),
        fullAddress: z.string().min(1).optional(),
        streetNumber: z
          .string()
          .regex(/^\d+[A-Za-z]?$/, 'Expected a street number such as 12 or 12A'),
        /** The end of a range address (`10-14 Main St` has `streetNumber` 10, `streetNumberTo` 14). */
        streetNumberTo: z
          .string()
          .regex(/^\d+[A-Za-z]?$/)
          .optional(),
        streetName: z.string().min(1),
        streetSuffix: z.string().min(1).optional(),
        unit: z.string().min(1).optional(),
        neighborhood: z.string().min(1).optional(),
        zipCode: ZipCode,
        /** Boston ward, two digits (01-22). */
        ward: z.string().regex(/^(0[1-9]|1\d|2[0-2])$/, 'Expected a Boston ward 01-22'),
        /** Ward and precinct, four digits (e.g. 0306 is ward 3, precinct 6). */
        precinct: z
          .string()
          .regex(/^(0[1-9]|1\d|2[0-2])\d{2}$/, 'Expected a ward-precinct such as 0306'),
        /** Boston Assessing parcel id (10 digits). */
        parcelId: z
          .string()
          .regex(/^\d{10}$/, 'Expected a 10-digit parcel id')
          .optional(),
        point: GeoPoint.optional(),
        /** The point in EPSG:2249 (NAD83 Massachusetts Mainland, US survey feet). */
        statePlane: z.object({ x: z.number(), y: z.number() }).optional(),
      },
      META,
    ),
  )
  .refine(
    (a) =>
      a.streetNumberTo === undefined ||
      Number.parseInt(a.streetNumberTo, 10) >= Number.parseInt(a.streetNumber, 10),
    {
      message: 'A range must end at or after its start',
      path: ['streetNumberTo'],
    },
  )
  .refine((a) => a.precinct.startsWith(a.ward), {
    message: 'The precinct must be in the ward',
    path: ['precinct'],
  })
  .meta({
    id: 'BostonSamAddress',
    title: 'BostonSamAddress',
    description: 'Boston Street Address Management address',
  });
/** A Boston SAM address. */
export type BostonSamAddress = z.infer<typeof BostonSamAddress>;
