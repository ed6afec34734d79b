// The SDL is the playground's documentation: every type, field, argument and enum value is described,
// and every root field states how long its answer may be cached.
import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api/schema.ts';

const schema = buildASTSchema(loadTypeDefs());
const ownTypes = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));

describe('schema', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of ownTypes) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    for (const directive of schema.getDirectives().filter((d) => d.name === 'cacheControl')) {
      for (const arg of directive.args) if (!arg.description) missing.push(`@${directive.name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every root field a cache hint', () => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    const unhinted = fields.filter((f) => !f.astNode?.directives?.some((d) => d.name.value === 'cacheControl'));
    expect(unhinted.map((f) => f.name)).toEqual([]);
  });
});
