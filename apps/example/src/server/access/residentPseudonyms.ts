import { createHmac } from 'node:crypto';

/** What identifies a resident in a search: any of name, email or phone. */
export interface ResidentQuery {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

const normalize = {
  name: (v: string) => v.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(),
  email: (v: string) => v.trim().toLowerCase(),
  // The last ten digits: +1 617 555 0144, (617) 555-0144 and 6175550144 are one number.
  phone: (v: string) => v.replace(/\D/g, '').slice(-10),
};

/**
 * Keyed pseudonyms (HMAC-SHA256 under the app's pseudonym key) of a resident's name, email and
 * phone. Audit events carry these instead of contact details, so the log can be searched by
 * resident ("who accessed my record") while it stores no contact details in clear; without the
 * key a pseudonym cannot be reversed by trying every phone number.
 */
export function residentPseudonyms(key: string, who: ResidentQuery): string[] {
  const out: string[] = [];
  const add = (kind: keyof typeof normalize, value: string | undefined) => {
    if (!value) return;
    const normal = normalize[kind](value);
    if (normal.length < 3) return;
    out.push(
      createHmac('sha256', key).update(`${kind}:${normal}`).digest('base64url').slice(0, 22),
    );
  };
  add('email', who.email);
  add('phone', who.phone);
  add('name', who.name);
  return out;
}

/** The pseudonyms of the reporter of a service request. */
export function reporterPseudonyms(
  key: string,
  contact:
    | {
        first_name?: string | undefined;
        last_name?: string | undefined;
        email?: string | undefined;
        phone?: string | undefined;
      }
    | undefined,
): string[] {
  if (!contact) return [];
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  return residentPseudonyms(key, { name, email: contact.email, phone: contact.phone });
}
