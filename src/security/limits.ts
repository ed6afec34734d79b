// Abuse limits for the GraphQL endpoint, from the environment (validated once, like src/config).
import { z } from 'zod';
import { parseEnv } from '../config/index.ts';

const positive = z.coerce.number().int().positive();

const envSchema = z.object({
  /** Nesting depth of selections. */
  KG_MAX_DEPTH: positive.default(12),
  /** graphql-armor cost, with every `first` (given, from a variable, or the schema default) multiplying its subtree. */
  KG_MAX_COST: positive.default(100_000),
  KG_MAX_ALIASES: positive.default(15),
  KG_MAX_DIRECTIVES: positive.default(20),
  /** Lexical tokens of the document; the parser stops counting past it. */
  KG_MAX_TOKENS: positive.default(2_000),
  /** Bytes of the query text. */
  KG_MAX_QUERY_BYTES: positive.default(20_000),
  /** Bytes of a POST body (query plus variables and extensions). */
  KG_MAX_BODY_BYTES: positive.default(1_000_000),
});

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxQueryBytes: number;
  maxBodyBytes: number;
}

export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  const e = parseEnv(envSchema, env);
  return {
    maxDepth: e.KG_MAX_DEPTH,
    maxCost: e.KG_MAX_COST,
    maxAliases: e.KG_MAX_ALIASES,
    maxDirectives: e.KG_MAX_DIRECTIVES,
    maxTokens: e.KG_MAX_TOKENS,
    maxQueryBytes: e.KG_MAX_QUERY_BYTES,
    maxBodyBytes: e.KG_MAX_BODY_BYTES,
  };
}
