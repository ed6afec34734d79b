// How operations execute. graphql-js walks every field generically: on a lineage of 500 nodes and
// 500 edges that walk was half the server's CPU per request. An operation sent a second time is
// therefore compiled (graphql-jit) into a function for its exact selection set; one-off documents
// stay interpreted, so a flood of distinct queries costs no compilation.
//
// Apollo Server 5 takes a custom executor only through its gateway interface, served here by a
// fixed local schema.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getVariableValues,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface Operation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  context: unknown;
}

export interface ExecutorOptions {
  /** Interpreted runs of an operation before it is compiled (0: compile at once). */
  interpretedRuns?: number;
}

export function compilingExecutor(schema: GraphQLSchema, { interpretedRuns = 1 }: ExecutorOptions = {}) {
  // Per operation name: interpreted runs so far, then the compiled query (false: graphql-jit declined
  // it). Keyed on the document Apollo keeps in its bounded document store and hands back for every
  // request with the same text, so entries go when Apollo drops the document.
  const byDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | false | number>>();

  function compiled(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let ops = byDocument.get(document);
    if (!ops) byDocument.set(document, (ops = new Map()));
    const name = operationName ?? '';
    const state = ops.get(name) ?? 0;
    if (typeof state === 'number' && state < interpretedRuns) {
      ops.set(name, state + 1);
      return null;
    }
    if (typeof state !== 'number') return state || null;
    const query = compileQuery(schema, document, operationName ?? undefined);
    ops.set(name, isCompiledQuery(query) ? query : false);
    return isCompiledQuery(query) ? query : null;
  }

  return async ({ document, operation, operationName, variables = {}, context }: Operation): Promise<ExecutionResult> => {
    const query = compiled(document, operationName);
    if (!query) return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
    // graphql-js coerces the variables first so that bad input gets its exact messages and nodes,
    // which Apollo recognises as BAD_USER_INPUT; the compiled query then runs on the same values.
    const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coercion.errors) return { errors: coercion.errors };
    return query.query(undefined, context, variables);
  };
}

/** Apollo's gateway interface over one fixed schema, so that operations run on `run`. */
export function localGateway(schema: GraphQLSchema, run: (op: Operation) => Promise<ExecutionResult>): GatewayInterface {
  const executor: GatewayExecutor = ({ document, operation, operationName, request, context }) =>
    run({ document, operation, operationName, variables: request.variables, context }) as ReturnType<GatewayExecutor>;
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
