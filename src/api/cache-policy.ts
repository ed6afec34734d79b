// The Cache-Control of an answer, worked out once per operation from the schema's @cacheControl
// hints, instead of Apollo's cacheControl plugin instrumenting every resolved field (a quarter of
// the CPU of a large lineage answer). The rules are Apollo's: a root field, and a field returning an
// object, interface or union, takes its own hint or its type's, else a maxAge of 0 unless the hint
// says inheritMaxAge; scalar fields inherit. An abstract type counts with the shortest hint of the
// types it may resolve to, so the static answer is never longer-lived than Apollo's runtime one.
// The answer's maxAge is the smallest of its fields', PRIVATE when any field is; errors or a maxAge
// of 0 give `no-store`.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

interface Hint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
  inheritMaxAge?: boolean;
}

export interface CachePolicy {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

function hintOf(node: { astNode?: { directives?: readonly any[] } | null } | undefined | null): Hint {
  const directive = node?.astNode?.directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return {};
  const hint: Hint = {};
  for (const arg of directive.arguments ?? []) (hint as Record<string, unknown>)[arg.name.value] = valueFromASTUntyped(arg.value);
  return hint;
}

/** The hint a composite type gives the fields returning it; abstract types: the most restrictive of their possibilities. */
function typeHint(schema: GraphQLSchema, type: GraphQLNamedType): Hint {
  const own = hintOf(type);
  if (!isAbstractType(type)) return own;
  let hint = own;
  for (const t of schema.getPossibleTypes(type)) {
    const h = hintOf(t);
    if (h.maxAge !== undefined && (hint.maxAge === undefined || h.maxAge < hint.maxAge)) hint = { ...hint, maxAge: h.maxAge, inheritMaxAge: false };
    if (h.scope === 'PRIVATE') hint = { ...hint, scope: 'PRIVATE' };
  }
  return hint;
}

export function operationCachePolicy(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CachePolicy {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let maxAge = Number.POSITIVE_INFINITY;
  let scope: CachePolicy['scope'] = 'PUBLIC';

  const visit = (parent: GraphQLCompositeType, set: SelectionSetNode, root: boolean, seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (on && isCompositeType(on)) visit(on, sel.selectionSet, root, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on && isCompositeType(on) && !seen.has(fragment.name.value)) {
          visit(on, fragment.selectionSet, root, new Set([...seen, fragment.name.value]));
        }
      } else {
        const field: GraphQLField<unknown, unknown> | undefined =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
        // __typename, and introspection at the root (__schema, __type), which Apollo leaves at maxAge 0.
        if (!field) {
          if (root) maxAge = 0;
          continue;
        }
        const target = getNamedType(field.type);
        const composite = isCompositeType(target);
        const fromType = composite ? typeHint(schema, target) : {};
        const fromField = hintOf(field);
        let fieldMaxAge = fromType.maxAge;
        let inherit = !!fromType.inheritMaxAge;
        let fieldScope = fromType.scope;
        if (fromField.inheritMaxAge && fieldMaxAge === undefined) inherit = true;
        else if (fromField.maxAge !== undefined) fieldMaxAge = fromField.maxAge;
        if (fromField.scope) fieldScope = fromField.scope;
        if (fieldMaxAge === undefined && ((composite && !inherit) || root)) fieldMaxAge = 0;
        if (fieldMaxAge !== undefined) maxAge = Math.min(maxAge, fieldMaxAge);
        if (fieldScope === 'PRIVATE') scope = 'PRIVATE';
        if (sel.selectionSet && composite) visit(target, sel.selectionSet, false, seen);
      }
    }
  };
  const rootType = schema.getRootType(operation.operation);
  if (rootType) visit(rootType, operation.selectionSet, true, new Set());
  return { maxAge: Number.isFinite(maxAge) ? maxAge : 0, scope };
}

/** Sets Cache-Control on every answer (replacing Apollo's cacheControl plugin, which must be disabled). */
export function cachePolicyPlugin(): ApolloServerPlugin<any> {
  const known = new WeakMap<OperationDefinitionNode, CachePolicy>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, schema, document, operation }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          let policy: CachePolicy | undefined;
          if (!errors?.length && document && operation && operation.operation === 'query') {
            policy = known.get(operation);
            if (!policy) known.set(operation, (policy = operationCachePolicy(schema, document, operation)));
          }
          const header = policy && policy.maxAge > 0 ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store';
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', header);
        },
      };
    },
  };
}
