// What clients see of errors: errors raised on purpose keep their message; store outages and
// timeouts become SERVICE_UNAVAILABLE / TIMEOUT with a fixed message; anything else becomes
// "Internal server error". Store messages carry Cypher, hosts and file paths, so they never pass;
// the observability plugin logs the full error with the request id.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { StoreError } from '../store/errors.ts';

/** Codes of errors raised on purpose, whose messages are written for clients. */
const CLIENT_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

function isClientError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/** Apollo's `formatError`. */
export function maskErrors(opts: { queryTimeoutMs: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isClientError(formatted)) return formatted;
    const original = unwrapResolverError(error);
    const path = formatted.path;
    if (original instanceof StoreError && original.code === 'UNAVAILABLE') {
      return { message: 'The graph store is unavailable; try again shortly', path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (original instanceof StoreError && original.code === 'TIMEOUT') {
      const message = `The query took longer than the ${opts.queryTimeoutMs} ms limit and was stopped`;
      return { message, path, extensions: { code: 'TIMEOUT', timeoutMs: opts.queryTimeoutMs } };
    }
    return { message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
