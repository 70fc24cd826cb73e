import { apiRoute } from '../../../../server/api';
import { getRequest } from '../../../../server/workRequests';

export const dynamic = 'force-dynamic';

/** `GET /api/requests/:id`: one request; 404 for another department's. */
export const GET = apiRoute<{ id: string }>(async ({ app, principal, params }) =>
  Response.json({ record: await getRequest(app, principal, params.id) }),
);
