/** An RFC 9457 problem the API answered with. */
export interface Problem {
  status: number;
  title: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

/** A failed API call, carrying the problem. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

/** Calls the API with the CSRF header the BFF requires on state-changing requests. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'x-city-csrf': '1',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    throw new ApiError(
      (data as Problem | undefined) ?? { status: response.status, title: response.statusText },
    );
  }
  return data as T;
}
