// The executable schema: the SDL files of schema/ (the contract) with the resolvers.
import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export function loadTypeDefs(): DocumentNode {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort();
  return parse(files.map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8')).join('\n'));
}

export function executableSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
