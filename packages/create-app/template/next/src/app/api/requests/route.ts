import { apiRoute } from '../../../server/api';
import { readJson } from '../../../server/problem';
import { createRequest, listRequests } from '../../../server/workRequests';

export const dynamic = 'force-dynamic';

/** `GET /api/requests`: the department's requests, redacted to the viewer's clearance. */
export const GET = apiRoute(async ({ app, principal }) =>
  Response.json({ records: await listRequests(app, principal) }),
);

/** `POST /api/requests`: a new request (JSON); 400 with each field's problem. */
export const POST = apiRoute(async ({ app, principal, request }) => {
  const record = await createRequest(app, principal, await readJson(request));
  return Response.json(
    { record },
    { status: 201, headers: { location: `/requests/${record.id}` } },
  );
});
