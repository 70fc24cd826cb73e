// The classification of Open311 fields, shared by `ServiceRequest`, its Boston extension and the
// open-data CSV row, so a CSV column and the field it maps to always carry the same metadata.
import type { FieldMeta } from '../classified';

/** Anything a resident or a City worker typed: it holds names and phone numbers in real data. */
export const FREE_TEXT: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'freeText', kind: 'quasi' },
  redact: 'drop',
  reason:
    'Free text written by residents or staff; real closure notes and descriptions hold names and phone numbers.',
};

/** The exact place of a request: often a resident's home. */
export const PRECISE_LOCATION: FieldMeta = {
  classification: 'internal',
  pii: { category: 'location.precise', kind: 'quasi' },
  redact: 'generalize',
  reason: 'The exact place of a request is often the reporter’s home; generalized to about 1 km.',
};

/** A street address: dropped rather than generalized below `internal`. */
export const ADDRESS: FieldMeta = {
  classification: 'internal',
  pii: { category: 'location.precise', kind: 'quasi' },
  redact: 'drop',
  reason: 'A street address is often the reporter’s home.',
};

/** Photos residents and crews take: faces, plates, homes. */
export const MEDIA: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'media', kind: 'quasi' },
  redact: 'drop',
  reason: 'Photos show people, licence plates and the inside of homes.',
};

/** A reporter's name, email or phone. */
export function contactMeta(
  category: 'identity.name' | 'contact.email' | 'contact.phone',
): FieldMeta {
  return {
    classification: 'confidential',
    pii: { category, kind: 'direct' },
    redact: category === 'identity.name' ? 'truncate' : 'mask',
    reason: 'The reporter’s contact details identify them directly.',
  };
}

/** A ZIP code: public in Boston's open data, a quasi-identifier all the same. */
export const ZIP: FieldMeta = {
  classification: 'public',
  pii: { category: 'location.coarse', kind: 'quasi' },
  reason: 'Published in the City’s open data; a quasi-identifier combined with other fields.',
};

/** City staff and queue names, internal ids. */
export const INTERNAL: FieldMeta = {
  classification: 'internal',
  reason: 'Internal routing and system identifiers, not published.',
};

/** Fields the City publishes for every request in its open data. */
export const PUBLISHED: FieldMeta = {
  classification: 'public',
  reason: 'Published for every request in the City’s 311 open data and Open311 feed.',
};
