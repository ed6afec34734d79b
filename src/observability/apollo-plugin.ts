// Per-request observability for Apollo Server: latency by operation name, errors by code, the
// request id on every error sent, and the full detail of unexpected errors in the log (clients
// get the masked version from formatError).
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { countError, operationLabel, requestDuration } from './metrics.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

/** Raised on purpose (not found, bad input, refused query): the message is the whole story. */
function expected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && typeof original.extensions.code === 'string';
}

export function observabilityPlugin(logger: Logger): ApolloServerPlugin<any> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const requestId = request.http?.headers.get(REQUEST_ID_HEADER);
      const log = requestId ? logger.child({ requestId }) : logger;
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (expected(error)) log.info({ operationName, code: error.extensions.code, detail: error.message }, 'request refused');
            else log.error({ operationName, path: error.path, err: unwrapResolverError(error) }, 'error while answering a query');
          }
        },
        async willSendResponse({ response, operationName }) {
          const body = response.body;
          const errors = (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
          for (const e of errors as GraphQLFormattedError[]) {
            countError(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            // Formatted errors are plain objects built for this response.
            if (requestId) (e as { extensions?: Record<string, unknown> }).extensions = { ...e.extensions, requestId };
          }
          const outcome = errors.length ? 'error' : 'ok';
          requestDuration.observe({ operation: operationLabel(operationName), outcome }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
