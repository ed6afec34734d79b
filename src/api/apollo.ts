// The Apollo Server instance: schema, caches (APQ + response cache) and error policy.
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { ApiContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';
import { loadTypeDefs } from './schema.ts';

/** Error codes raised on purpose; anything else is unexpected and its details stay in the log. */
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

// Limits on query shape, so one request cannot make the server walk the whole graph many times over.
// Field suggestions stay on: the schema is public and the playground benefits from them.
const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 15 },
  // Its parse-time check answers 500 to syntax errors; the 1 MB body limit bounds parsing instead.
  maxTokens: { enabled: false },
  costLimit: { maxCost: 50_000 },
  blockFieldSuggestion: { enabled: false },
}).protect();

export function createApollo(httpServer: Server, logger: Logger): ApolloServer<ApiContext> {
  const plugins: ApolloServerPlugin<ApiContext>[] = [
    ...(armor.plugins as ApolloServerPlugin<ApiContext>[]),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // The playground is our own page (GET /), not Apollo's CDN-hosted landing page.
    ApolloServerPluginLandingPageDisabled(),
    // Whole responses of queries whose every field is cacheable (see @cacheControl in schema/).
    responseCachePlugin(),
  ];
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // Shared by automatic persisted queries and the response cache.
    cache: new InMemoryLRUCache({ maxSize: 64 * 1024 * 1024 }),
    introspection: true,
    // Read-only, public and cookie-less: there is nothing for a cross-site request to forge, and
    // plain GETs (dashboards, CDNs, `curl`) must work without a preflight header.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    logger,
    plugins,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    formatError(formatted, error) {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
      logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error while answering a query');
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
  });
}
