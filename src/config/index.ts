// Runtime configuration from the environment, validated once; CLI flags override it.
import { z } from 'zod';

const envSchema = z.object({
  KG_STORE: z.enum(['embedded', 'neo4j']).default('embedded'),
  KG_DATA_DIR: z.string().min(1).default('.kg'),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.string().default('development'),
  /** Store query timeout. */
  KG_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Comma-separated origins allowed by CORS; `*` for any. */
  CORS_ORIGINS: z.string().default('*'),
  /** Requests per minute per client IP; 0 turns rate limiting off (the local default). */
  KG_RATE_LIMIT: z.coerce.number().int().min(0).default(0),
  /** API processes `kg serve` runs (one per core is the usual choice; each holds its own copy of the graph). */
  KG_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** How `kg serve` answers reads from the embedded store: from an in-memory copy, or Kùzu queries. */
  KG_READ_MODEL: z.enum(['memory', 'database']).default('memory'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type StoreKind = 'embedded' | 'neo4j';

export interface Config {
  store: StoreKind;
  dataDir: string;
  neo4j: { uri: string | undefined; user: string; password: string; database: string | undefined };
  port: number;
  host: string;
  production: boolean;
  queryTimeoutMs: number;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readModel: 'memory' | 'database';
  workers: number;
}

export class ConfigError extends Error {}

/** Validates environment variables against `schema`; the first problem becomes a one-line ConfigError. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(`invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
}

/** Reads the environment; `overrides` (from CLI flags) win over it. */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env);
  return {
    store: e.KG_STORE,
    dataDir: e.KG_DATA_DIR,
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    port: e.PORT,
    host: e.HOST,
    production: e.NODE_ENV === 'production',
    queryTimeoutMs: e.KG_QUERY_TIMEOUT_MS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPerMinute: e.KG_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    readModel: e.KG_READ_MODEL,
    workers: e.KG_WORKERS,
    ...overrides,
  };
}
