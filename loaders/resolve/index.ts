// Entity resolution across papers and GraphBatch building.
export { GraphBuilder } from './graph-builder.ts';
export { EntityResolver, LABEL_OF, matchKey } from './resolver.ts';
export { paperNode } from './paper-node.ts';
