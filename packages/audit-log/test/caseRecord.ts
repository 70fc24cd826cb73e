import { classified } from '@cityofboston/standards-schema';
import { z } from 'zod';

// A record schema of the tests' own, every field tagged (the standard schemas are being tagged
// field by field in their own package; the sharing rules are tested here on this one).
const pub = <S extends z.ZodType>(s: S) => classified(s, { classification: 'public' });
const contactField = (category: 'contact.email' | 'contact.phone' | 'identity.name') =>
  classified(z.string(), {
    classification: 'confidential',
    pii: { category, kind: 'direct' },
    redact: 'mask',
  }).optional();
const precise = classified(z.number(), {
  classification: 'confidential',
  pii: { category: 'location.precise', kind: 'quasi' },
  redact: 'generalize',
});

export const CaseRecord = z
  .object({
    id: pub(z.string()),
    department: pub(z.string()),
    status: pub(z.enum(['open', 'closed'])),
    zipcode: classified(z.string(), {
      classification: 'internal',
      pii: { category: 'location.coarse', kind: 'quasi' },
    }).optional(),
    contact: z
      .object({
        email: contactField('contact.email'),
        phone: contactField('contact.phone'),
        first_name: contactField('identity.name'),
        last_name: contactField('identity.name'),
      })
      .optional(),
    description: classified(z.string(), {
      classification: 'confidential',
      pii: { category: 'freeText', kind: 'quasi' },
    }).optional(),
    lat: precise.optional(),
    long: precise.optional(),
    activities: z
      .array(
        z.object({
          type: pub(z.string()),
          note: classified(z.string(), {
            classification: 'confidential',
            pii: { category: 'freeText', kind: 'quasi' },
          }),
        }),
      )
      .optional(),
  })
  .meta({ id: 'CaseRecord', title: 'CaseRecord' });
export type CaseRecord = z.infer<typeof CaseRecord>;

const FIRST = ['Avery', 'Jordan', 'Riley', 'Casey', 'Morgan'];
const LAST = ['Quinn', 'Rivera', 'Nguyen', 'Okafor', 'Silva'];

/** Five synthetic PWD cases (no real person). */
export function cases(department = 'PWD'): CaseRecord[] {
  return FIRST.map((first, i) => ({
    id: `10100${5551230 + i}`,
    department,
    status: i % 2 === 0 ? 'open' : 'closed',
    zipcode: `0211${i}`,
    contact: {
      email: `${first.toLowerCase()}.${(LAST[i] as string).toLowerCase()}@example.org`,
      phone: `617-555-01${String(10 + i)}`,
      first_name: first,
      last_name: LAST[i] as string,
    },
    description: `Pothole reported by ${first} near the corner`,
    lat: 42.3601 + i / 1000,
    long: -71.0589 - i / 1000,
    activities: [{ type: 'created', note: `called in by ${first}` }],
  }));
}
