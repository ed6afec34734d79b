// Limits on the shape of a GraphQL document, for Apollo Server: depth, aliases and directives are
// graphql-armor validation rules; cost is armor's rule run once the variables are known, so that
// page sizes given through variables or left to the schema default multiply cost as literals do;
// tokens are counted by the graphql-js parser itself.
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  valueFromASTUntyped,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { limitError, limitMessage, type LimitName } from './limit-error.ts';
import type { Limits } from './limits.ts';

// TypeInfo and validate recognise schema types with instanceof, so they must come from the graphql
// build Apollo loaded (the CommonJS one), even where a bundler (vitest) resolves ours to the ES build.
const { TypeInfo, validate, visit, visitWithTypeInfo } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const REFUSED = 'GRAPHQL_VALIDATION_FAILED';
const PAGE_SIZE_ARG = 'first';

/** Armor reports "… limit of 12 exceeded, found 14."; we restate it in our own words. */
function rejectWith(subject: string, limit: LimitName, max: number) {
  return [
    (ctx: ValidationContext | null, err: GraphQLError) => {
      const found = /found (\d+(?:\.\d+)?)/.exec(err.message);
      const value = found ? Math.ceil(Number(found[1])) : undefined;
      ctx?.reportError(limitError(subject, { limit, max, value }, REFUSED));
    },
  ];
}

const off = { enabled: false } as const;

function armorRules(limits: Limits): { shape: ValidationRule[]; cost: ValidationRule[] } {
  const reject = { propagateOnRejection: false } as const;
  const shape = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...reject, onReject: rejectWith('query depth', 'depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...reject, onReject: rejectWith('alias count', 'aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...reject, onReject: rejectWith('directive count', 'directives', limits.maxDirectives) },
    costLimit: off,
    // Armor's token check throws from a plugin hook, which Apollo answers with a 500.
    maxTokens: off,
    // The schema is public and the playground benefits from "Did you mean …?".
    blockFieldSuggestion: off,
  }).protect();
  const cost = new ApolloArmor({
    costLimit: { maxCost: limits.maxCost, ...reject, onReject: rejectWith('query cost', 'cost', limits.maxCost) },
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    maxTokens: off,
    blockFieldSuggestion: off,
  }).protect();
  return { shape: shape.validationRules as ValidationRule[], cost: cost.validationRules as ValidationRule[] };
}

/**
 * The document with every page-size argument as an integer literal: the literal given, the
 * variable's value (or its default), else the field's schema default. Armor's cost rule reads
 * only literals, so without this `first: $n` and omitted page sizes would count as 1.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): DocumentNode {
  const vars: Record<string, unknown> = {};
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of def.variableDefinitions ?? []) {
      if (v.defaultValue) vars[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
    }
  }
  Object.assign(vars, variables);
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const arg = typeInfo.getFieldDef()?.args.find((a) => a.name === PAGE_SIZE_ARG);
        if (!arg) return undefined;
        const given = node.arguments?.find((a) => a.name.value === PAGE_SIZE_ARG);
        const value = given ? valueFromASTUntyped(given.value, vars) : undefined;
        const size = typeof value === 'number' ? value : arg.defaultValue;
        if (typeof size !== 'number' || !Number.isInteger(size)) return undefined;
        const literal: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: PAGE_SIZE_ARG },
          value: { kind: Kind.INT, value: String(size) },
        };
        return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a !== given), literal] };
      },
    }),
  );
}

/** Tokens in a document, or undefined when it does not lex. */
function countTokens(source: string): number | undefined {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    return undefined;
  }
  return n;
}

// graphql-js says "more that N tokens" (sic); allow for the typo being fixed.
const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;

export interface QueryLimits {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin<any>[];
}

/** Spread into the ApolloServer options (plugins concatenated with the server's own). */
export function queryLimits(limits: Limits): QueryLimits {
  const rules = armorRules(limits);
  const plugin: ApolloServerPlugin<any> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const [error] = validate(schema, withPageSizes(schema, document, request.variables), rules.cost);
          if (error) {
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
          }
        },
        // The parser's own message names only the limit; add the count (the text is bounded by maxQueryBytes).
        async didEncounterErrors({ errors, source }) {
          for (const error of errors) {
            if (!TOO_MANY_TOKENS.test(error.message) || source === undefined) continue;
            const d = { limit: 'tokens' as const, max: limits.maxTokens, value: countTokens(source) };
            error.message = limitMessage('token count', d);
            Object.assign(error.extensions, d);
          }
        },
      };
    },
  };
  return { validationRules: rules.shape, parseOptions: { maxTokens: limits.maxTokens }, plugins: [plugin] };
}
