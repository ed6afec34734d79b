// Neo4j adapter pieces that need no server: error mapping, value decoding, parameter encoding, Lucene escaping.
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { DecodedNode } from '../../src/store/cypher/reads.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import { decodeValue, encodeParams, neo4jError } from '../../src/store/neo4j/client.ts';
import { escapeLucene } from '../../src/store/neo4j/dialect.ts';

const URI = 'neo4j://db.example:7687';
const driverError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('neo4j error mapping', () => {
  it('an unreachable server becomes one UNAVAILABLE line naming the URI and cause', () => {
    const err = neo4jError(driverError('Could not perform discovery.\nNo routing servers available.', 'ServiceUnavailable'), URI);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toBe(`Neo4j at ${URI} is unreachable: Could not perform discovery. No routing servers available.`);
  });

  it('a wrong password becomes one UNAVAILABLE line about credentials', () => {
    const err = neo4jError(
      driverError('The client is unauthorized due to authentication failure.', 'Neo.ClientError.Security.Unauthorized'),
      URI,
    );
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toBe(`Neo4j at ${URI} rejected the credentials: The client is unauthorized due to authentication failure.`);
  });

  it('a transaction timeout becomes TIMEOUT', () => {
    const err = neo4jError(
      driverError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
      URI,
      5000,
    );
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toBe(`Neo4j at ${URI}: query timed out after 5000 ms`);
  });

  it('connecting to a port nobody listens on fails fast with the URI in the message', async () => {
    const config = loadConfig({ store: 'neo4j', neo4j: { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined } });
    const err = await openStore(config).then(
      () => null,
      (e: unknown) => e as StoreError,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect(err!.code).toBe('UNAVAILABLE');
    expect(err!.message).toMatch(/^Neo4j at bolt:\/\/127\.0\.0\.1:1 is unreachable: /);
    expect(err!.message).not.toContain('\n');
  });

  it('the neo4j store without NEO4J_URI says so', async () => {
    const config = loadConfig({ store: 'neo4j', neo4j: { uri: undefined, user: 'neo4j', password: '', database: undefined } });
    await expect(openStore(config)).rejects.toThrow('the neo4j store needs NEO4J_URI');
  });
});

describe('neo4j values', () => {
  it('decodes integers to numbers, nodes to DecodedNode and relationships to edges with endpoint refs', () => {
    expect(decodeValue(neo4j.int(2024))).toBe(2024);
    expect(decodeValue([neo4j.int(1), { n: neo4j.int(2) }])).toEqual([1, { n: 2 }]);
    const node = new neo4j.types.Node(neo4j.int(1), ['Paper'], { id: 'paper:x', year: neo4j.int(2023) }, 'e1');
    const decoded = decodeValue(node) as DecodedNode;
    expect(decoded).toBeInstanceOf(DecodedNode);
    expect(decoded).toMatchObject({ label: 'Paper', ref: 'e1', props: { id: 'paper:x', year: 2023 } });
    const rel = new neo4j.types.Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'PROPOSES', { evidence: 'e' }, 'r7', 'e1', 'e2');
    expect(decodeValue(rel)).toEqual({ evidence: 'e', _label: 'PROPOSES', _src: 'e1', _dst: 'e2' });
  });

  it('encodes integral numbers as Neo4j integers, leaving other values alone', () => {
    const p = encodeParams({ limit: 10, score: 0.5, rows: [{ year: 2024, title: 't', aliases: ['a'] }] });
    expect(neo4j.isInt(p.limit)).toBe(true);
    expect(p.score).toBe(0.5);
    expect(neo4j.isInt(p.rows[0].year)).toBe(true);
    expect(p.rows[0].aliases).toEqual(['a']);
  });

  it('escapes Lucene syntax in search text', () => {
    expect(escapeLucene('KV-cache (compression) AND "sinks"?')).toBe('KV\\-cache \\(compression\\) AND \\"sinks\\"\\?');
  });
});
