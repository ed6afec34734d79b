// The GraphQL errors clients see: a clear message and a machine-readable `extensions.code`.
import { GraphQLError } from 'graphql';

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} not found: no node has id "${id}"`, {
    extensions: { code: 'NOT_FOUND', id },
  });
}

export function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });
}

/** Integer argument within [min, max], or BAD_USER_INPUT naming the argument and the limits. */
export function checkRange(argumentName: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw badInput(argumentName, `must be between ${min} and ${max} (got ${v})`);
  }
  return v;
}
