// Names of a service request's fields for people (the share preview, CSV headers): "Contact
// first name", not `contact.first_name`.

const NAMED: Readonly<Record<string, string>> = {
  service_request_id: 'Case number',
  id: 'Internal id',
  lat: 'Latitude',
  long: 'Longitude',
  zipcode: 'ZIP code',
  media_url: 'Photos',
  'reported_location.lat': 'Reported location latitude',
  'reported_location.long': 'Reported location longitude',
  'open_data.geom_4326': 'Open data location (WGS 84)',
  parent_service_request_id: 'Parent case number',
  duplicate_parent_service_request_id: 'Duplicate of case number',
  duplicate_of: 'Duplicate of',
};

/** Words spelled as people write them. */
const WORDS: Readonly<Record<string, string>> = {
  id: 'ID',
  url: 'URL',
  urls: 'URLs',
  datetime: 'date and time',
  lat: 'latitude',
  long: 'longitude',
  pwd: 'PWD',
};

/**
 * A person's name for the field at `path`: `contact.first_name` → "Contact first name",
 * `activities[].note` → "Activities note", `service_request_id` → "Case number".
 */
export function fieldLabel(path: string): string {
  const named = NAMED[path];
  if (named) return named;
  const words = path
    .replace(/\[\]/g, '')
    .split(/[._]/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
