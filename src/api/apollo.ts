// The Apollo Server instance: schema, persisted queries, query limits and error policy. Responses
// are cached in front of it (http/hot-cache.ts), from the Cache-Control set by cache-policy.ts.
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from 'pino';
import { observabilityPlugin } from '../observability/apollo-plugin.ts';
import type { Limits } from '../security/limits.ts';
import { maskErrors } from '../security/mask-errors.ts';
import { queryLimits } from '../security/query-limits.ts';
import { cachePolicyPlugin } from './cache-policy.ts';
import type { ApiContext } from './context.ts';
import { compilingExecutor, localGateway } from './executor.ts';
import { executableSchema } from './schema.ts';

export interface ApolloOptions {
  /** Abuse limits on the query document (depth, cost, aliases, directives, tokens). */
  limits: Limits;
  /** Named in the message of TIMEOUT errors. */
  queryTimeoutMs: number;
}

export function createApollo(httpServer: Server, logger: Logger, opts: ApolloOptions): ApolloServer<ApiContext> {
  const limits = queryLimits(opts.limits);
  const plugins: ApolloServerPlugin<ApiContext>[] = [
    ...limits.plugins,
    // Latency and errors in /metrics, the request id on errors, unexpected errors in the log.
    observabilityPlugin(logger),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // The playground is our own page (GET /), not Apollo's CDN-hosted landing page.
    ApolloServerPluginLandingPageDisabled(),
    // Cache-Control from the @cacheControl hints, once per operation rather than once per field.
    ApolloServerPluginCacheControlDisabled(),
    cachePolicyPlugin(),
  ];
  const schema = executableSchema();
  return new ApolloServer<ApiContext>({
    gateway: localGateway(schema, compilingExecutor(schema)),
    // Automatic persisted queries.
    cache: new InMemoryLRUCache({ maxSize: 64 * 1024 * 1024 }),
    introspection: true,
    // Read-only, public and cookie-less: there is nothing for a cross-site request to forge, and
    // plain GETs (dashboards, CDNs, `curl`) must work without a preflight header.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    logger,
    plugins,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // Signals are the CLI's to handle (it drains the server, then closes the store). Apollo's own
    // handler would race it, and a second concurrent stop() never returns in Apollo Server 5.
    stopOnTerminationSignals: false,
    formatError: maskErrors({ queryTimeoutMs: opts.queryTimeoutMs }),
    // Compact JSON: Apollo's default indents it, a third more bytes and time on large lineages.
    stringifyResult: (value) => JSON.stringify(value),
  });
}
