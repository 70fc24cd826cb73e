// The feed readers `city-schema validate --from <reader>` accepts: each reads a real feed's
// records (as its publisher sends them) and maps them to one of the exported schemas.
import type { z } from 'zod';
import { PermitFeed } from '../../blds/feed';
import { Ckan311ServiceRequest } from '../../open311/ckan';
import { ServiceRequestFeed } from '../../open311/feed';

export interface FeedReader {
  /** The `--from` value. */
  name: string;
  /** The exported schema the reader's output is. */
  output: string;
  /** The input format it expects. */
  format: 'csv' | 'json' | 'ndjson';
  /** Reads and validates one record. */
  schema: z.core.$ZodType;
  /** CSV cells stay text: the reader itself converts them. */
  rawCsv: boolean;
  /**
   * When the input is one JSON object holding the records in an array under this key (an ArcGIS
   * query response's `features`), the records are that array's elements.
   */
  envelope?: string;
  description: string;
}

export const READERS: readonly FeedReader[] = [
  {
    name: 'ckan-311',
    output: 'ServiceRequest',
    format: 'csv',
    schema: Ckan311ServiceRequest,
    rawCsv: true,
    description:
      'the City’s open-data 311 CSV (data.boston.gov), legacy or current layout, to ServiceRequest',
  },
  {
    name: 'open311-feed',
    output: 'ServiceRequest',
    format: 'json',
    schema: ServiceRequestFeed,
    rawCsv: false,
    description:
      'an Open311 GeoReport v2 feed as cities send it (empty strings, 0/0 locations, local times), to ServiceRequest',
  },
  {
    name: 'blds',
    output: 'Permit',
    format: 'json',
    schema: PermitFeed,
    rawCsv: true,
    envelope: 'features',
    description:
      'BLDS building permits as publishers serve them (Socrata JSON with lowercase columns, CSV, ArcGIS features with epoch-millisecond dates, or an ArcGIS query response holding them), to Permit',
  },
];

export function readerByName(name: string): FeedReader | undefined {
  return READERS.find((reader) => reader.name === name);
}
