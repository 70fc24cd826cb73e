import { z } from 'zod';
import { classified } from '../classified';
import { tagFields } from '../internal/tagFields';
import { ADDRESS, FREE_TEXT, MEDIA, PRECISE_LOCATION, PUBLISHED } from './fieldMeta';

const text = () => z.string().min(1).optional();

/**
 * The columns of the City's open-data 311 CSV that no `ServiceRequest` field holds, kept on the
 * record as `open_data` so that no column is lost. Columns of either layout that this schema
 * does not name (a column added later), and a known column whose value the mapping could not
 * place (a second alias of a column already read, a latitude that is not a number), are kept in
 * `other`, classified `confidential` until someone reviews them.
 *
 * Source: [311 Service Requests, Analyze Boston](https://data.boston.gov/dataset/311-service-requests).
 */
export const OpenData311Extension = z.object(
  tagFields(
    {
      /** Which CSV layout the row came from. */
      layout: z.enum(['legacy', 'current']),
      /** The CSV's own status (`Open`, `Closed`, `In progress`...); `status` is Open311's. */
      case_status: text(),
      /** The CSV's ward and precinct as written (`Ward 3`, `0306`). */
      ward: text(),
      precinct: text(),
      geom_4326: classified(text(), PRECISE_LOCATION),
      /** Typed by staff ("Printed: left on Nicky's desk" in the real data): free text. */
      case_title: classified(text(), FREE_TEXT),
      case_topic: text(),
      reason: text(),
      department: text(),
      assigned_team: text(),
      on_time: text(),
      report_source: text(),
      fire_district: text(),
      pwd_district: text(),
      city_council_district: text(),
      police_district: text(),
      neighborhood_services_district: text(),
      location_street_name: classified(text(), ADDRESS),
      street_number: classified(text(), ADDRESS),
      closure_comments: classified(text(), FREE_TEXT),
      /**
       * The CSV's closure reason where `closure.reason` cannot hold it: the case is not `Closed`
       * or has no close date (`closure` needs its `closed_datetime`).
       */
      closure_reason: classified(text(), FREE_TEXT),
      /** Photo taken when the case was closed. */
      closed_photo: classified(text(), MEDIA),
      other: classified(z.record(z.string(), z.unknown()).optional(), {
        classification: 'confidential',
        reason: 'A column nobody has classified yet: protected until it is reviewed.',
      }),
    },
    PUBLISHED,
  ),
);
/** The open-data columns without a `ServiceRequest` field. */
export type OpenData311Extension = z.output<typeof OpenData311Extension>;
