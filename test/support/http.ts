// A small GraphQL-over-HTTP client for the tests, raw enough to send bodies no client library would.
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** POSTs `body` (an object is sent as JSON, a string as is). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export const query = (url: string, q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  post(url, { query: q, variables }, headers);

export interface GqlResult<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export async function gql<T = any>(url: string, q: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const { status, headers, body } = await query(url, q, variables);
  return { status, headers, ...body };
}

/** `gql` that fails the test on any GraphQL error and returns the data. */
export async function data<T = any>(url: string, q: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(url, q, variables);
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}
