// The app's sample resource: a request a department works on. Every field says how sensitive it
// is (the City's data classification); the server redacts what a viewer's clearance does not
// cover, the audit log records who saw what, and `npm run compliance` lists it in the data
// inventory. Replace it with your own records; keep the classifications honest.
import { classified, DepartmentCode } from '@cityofboston/standards-schema';
import { z } from 'zod';

/** Where a request stands. */
export const WORK_REQUEST_STATUSES = ['new', 'in-progress', 'done'] as const;

/** A work request as stored. */
export const WorkRequest = z.object({
  id: classified(z.string().regex(/^\d{1,20}$/), { classification: 'internal' }),
  department: classified(DepartmentCode, { classification: 'internal' }),
  title: classified(z.string().trim().min(3, 'Write a title of at least 3 characters').max(120), {
    classification: 'internal',
  }),
  status: classified(z.enum(WORK_REQUEST_STATUSES), { classification: 'internal' }),
  details: classified(z.string().trim().max(2000, 'Keep details under 2,000 characters'), {
    classification: 'confidential',
    pii: { category: 'freeText', kind: 'quasi' },
    redact: 'drop',
  }),
  requesterName: classified(z.string().trim().min(1, 'Write the requester’s name').max(200), {
    classification: 'confidential',
    pii: { category: 'identity.name', kind: 'direct' },
    redact: 'mask',
  }),
  requesterEmail: classified(z.email('Write an email address such as name@example.com'), {
    classification: 'confidential',
    pii: { category: 'contact.email', kind: 'direct' },
    redact: 'hash',
  }),
  createdAt: classified(z.iso.datetime(), { classification: 'internal' }),
});
/** A work request. */
export type WorkRequest = z.infer<typeof WorkRequest>;

/** What the form sends to create one. */
export const NewWorkRequest = WorkRequest.pick({
  title: true,
  details: true,
  requesterName: true,
  requesterEmail: true,
}).strict();
/** The body of `POST /api/requests`. */
export type NewWorkRequest = z.infer<typeof NewWorkRequest>;
