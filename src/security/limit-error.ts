// One shape for every refused request: the message names the limit and the value that broke it,
// and `extensions` repeats them for programs (`limit`, `max`, `value`).
import { GraphQLError } from 'graphql';

export type LimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens' | 'querySize' | 'bodySize' | 'batch' | 'rate';

export interface LimitDetails {
  limit: LimitName;
  max: number;
  /** Undefined when the value is unknown (e.g. a streamed body cut off at the limit). */
  value?: number;
}

/** "query depth 14 exceeds the limit of 12"; `unit` follows both numbers ("bytes"). */
export function limitMessage(subject: string, d: LimitDetails, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  const value = d.value === undefined ? '' : ` ${d.value}${u}`;
  return `${subject}${value} exceeds the limit of ${d.max}${u}`;
}

export function limitError(subject: string, d: LimitDetails, code: string, unit = ''): GraphQLError {
  return new GraphQLError(limitMessage(subject, d, unit), {
    extensions: { code, limit: d.limit, max: d.max, ...(d.value === undefined ? {} : { value: d.value }) },
  });
}
