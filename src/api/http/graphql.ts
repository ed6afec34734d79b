// Bridges Node's `http` request/response to Apollo Server's executeHTTPGraphQLRequest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { sendRefusal } from '../../security/refuse.ts';
import { bodySizeRefusal, operationRefusal, tooLargeBody } from '../../security/request-guard.ts';
import type { Limits } from '../../security/limits.ts';
import type { ApiContext } from '../context.ts';
import { HotCache, type CachedResponse, type GraphQLParams } from './hot-cache.ts';
import { BodyTooLarge, readBody, sendJson } from './respond.ts';

function requestError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

// Codes of errors in a well-formed request that the document or variables caused.
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) should
 * get 200 for parse, validation and variable errors, since it may not read bodies of 4xx answers.
 * Apollo answers 400; clients accepting `application/graphql-response+json` keep the 400.
 */
function legacyJsonRequestError(headers: HeaderMap, body: string): boolean {
  if (!/^application\/json\b/.test(headers.get('content-type') ?? '')) return false;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    return !!parsed.errors?.length && parsed.errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code ?? ''));
  } catch {
    return false;
  }
}

/** The GraphQL parameters of a GET (JSON-encoded values in the query string `q`) or a JSON POST; null otherwise. */
function requestParams(body: unknown, q: URLSearchParams | null): GraphQLParams | null {
  if (!q) return body && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLParams) : null;
  try {
    const json = (name: string) => (q.has(name) ? JSON.parse(q.get(name)!) : undefined);
    return { query: q.get('query') ?? undefined, variables: json('variables'), operationName: q.get('operationName') ?? undefined, extensions: json('extensions') };
  } catch {
    return null;
  }
}

function sendCached(res: ServerResponse, hit: CachedResponse): void {
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader('content-length', hit.body.length);
  res.writeHead(hit.status).end(hit.body);
}

export async function handleGraphQL(
  apollo: ApolloServer<ApiContext>,
  context: () => Promise<ApiContext>,
  hot: HotCache,
  graphVersion: () => Promise<string | null>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  limits: Pick<Limits, 'maxBodyBytes' | 'maxQueryBytes'>,
): Promise<void> {
  let text: string | undefined;
  if (req.method === 'POST') {
    const declaredTooLarge = bodySizeRefusal(req.headers['content-length'], limits);
    if (declaredTooLarge) return sendRefusal(res, declaredTooLarge);
    try {
      text = await readBody(req, limits.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendRefusal(res, tooLargeBody(limits));
      throw err;
    }
  }
  const version = await graphVersion();
  // A byte-identical repeat (a polling dashboard) is answered before anything is parsed.
  const requestKey = version === null ? null : HotCache.requestKey(req, url.search, text, version);
  const repeat = requestKey === null ? null : hot.getByRequest(requestKey);
  if (repeat) return sendCached(res, repeat);

  let body: unknown = text;
  // Apollo reads only JSON bodies; anything else stays a string and Apollo rejects it with 400.
  if (text !== undefined && /^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      return requestError(res, 400, 'Request body is not valid JSON');
    }
  }
  const searchParams = req.method === 'POST' ? null : url.searchParams;
  // Batches and oversized query text are refused before Apollo parses anything.
  const refused = operationRefusal(searchParams ? searchParams.get('query') : body, limits);
  if (refused) return sendRefusal(res, refused);

  const params = requestParams(body, searchParams);
  const key = params && version !== null ? HotCache.key(req, params, version) : null;
  const hit = key === null ? null : hot.get(key);
  if (key !== null && hit) {
    if (requestKey !== null) hot.alias(requestKey, key);
    return sendCached(res, hit);
  }

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context,
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    if (res.statusCode === 400 && legacyJsonRequestError(response.headers, response.body.string)) res.statusCode = 200;
    const bytes = Buffer.from(response.body.string);
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
    if (key !== null && hot.offer(key, res.statusCode, [...response.headers], bytes) && requestKey !== null) hot.alias(requestKey, key);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
