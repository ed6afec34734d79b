// neo4j-driver access: managed transactions with the configured timeout (the driver retries
// transient failures with backoff), integer-safe parameters, decoded results, one-line errors.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DecodedNode, type ResultRow } from '../cypher/reads.ts';
import { StoreError, messageOf } from '../errors.ts';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  timeoutMs: number;
}

const CONNECT_ATTEMPTS = 3;
const RETRY_TIME_MS = 15_000;

export class Neo4jClient {
  private constructor(
    private readonly driver: Driver,
    private readonly s: Neo4jSettings,
  ) {}

  /** Connects and verifies the server answers; retries only transient failures, with backoff. */
  static async connect(s: Neo4jSettings): Promise<Neo4jClient> {
    let driver: Driver;
    try {
      driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
        maxTransactionRetryTime: RETRY_TIME_MS,
        connectionAcquisitionTimeout: s.timeoutMs,
        userAgent: 'attention-kg',
      });
    } catch (err) {
      throw neo4jError(err, s.uri);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await driver.verifyConnectivity({ database: s.database });
        return new Neo4jClient(driver, s);
      } catch (err) {
        if (attempt >= CONNECT_ATTEMPTS || !isTransient(err)) {
          await driver.close().catch(() => undefined);
          throw neo4jError(err, s.uri);
        }
        await sleep(250 * 2 ** attempt);
      }
    }
  }

  async read(query: string, params: Record<string, unknown> = {}): Promise<ResultRow[]> {
    const session = this.driver.session({ database: this.s.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(query, encodeParams(params)), { timeout: this.s.timeoutMs });
      return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [String(k), decodeValue(r.get(k))])));
    } catch (err) {
      throw neo4jError(err, this.s.uri, this.s.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** One write transaction: all of `work` commits, or none of it. */
  async write(work: (run: (query: string, params?: Record<string, unknown>) => Promise<void>) => Promise<void>): Promise<void> {
    const session = this.driver.session({ database: this.s.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        (tx: ManagedTransaction) => work(async (query, params = {}) => void (await tx.run(query, encodeParams(params)))),
        { timeout: this.s.timeoutMs },
      );
    } catch (err) {
      throw neo4jError(err, this.s.uri, this.s.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** Schema statements run in their own auto-commit transactions (Neo4j forbids mixing them with writes). */
  async schema(query: string): Promise<void> {
    const session = this.driver.session({ database: this.s.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(query);
    } catch (err) {
      throw neo4jError(err, this.s.uri);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || neo4j.isRetryableError(err as Error);
}

/** Integral numbers go as Neo4j integers (SKIP/LIMIT demand them; stored years and counts stay integers). */
export function encodeParams(v: unknown): any {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(encodeParams);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeParams(x)]));
  }
  return v;
}

/** Neo4j integers become JS numbers, nodes DecodedNode, relationships plain objects with their endpoints' element ids. */
export function decodeValue(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as neo4j.Integer).toNumber();
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v instanceof neo4j.types.Node) return new DecodedNode(v.labels[0] ?? '', decodeMap(v.properties), v.elementId);
  if (v instanceof neo4j.types.Relationship) {
    return { ...decodeMap(v.properties), _label: v.type, _src: v.startNodeElementId, _dst: v.endNodeElementId };
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return decodeMap(v as Record<string, unknown>);
  return v;
}

function decodeMap(m: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(m).map(([k, x]) => [k, decodeValue(x)]));
}

export function neo4jError(err: unknown, uri: string, timeoutMs?: number): StoreError {
  if (err instanceof StoreError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  const msg = messageOf(err);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(msg)) {
    return new StoreError('UNAVAILABLE', `Neo4j at ${uri} is unreachable: ${msg}`, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new StoreError('UNAVAILABLE', `Neo4j at ${uri} rejected the credentials: ${msg}`, { cause: err });
  }
  if (code.includes('TransactionTimedOut') || /timed out|terminated.*timeout/i.test(msg)) {
    return new StoreError('TIMEOUT', `Neo4j at ${uri}: query timed out${timeoutMs ? ` after ${timeoutMs} ms` : ''}`, { cause: err });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreError('UNAVAILABLE', `Neo4j at ${uri}: ${msg}`, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
    return new StoreError('INVALID', `Neo4j at ${uri}: ${msg}`, { cause: err });
  }
  return new StoreError('INTERNAL', `Neo4j at ${uri}: ${code ? `${code}: ` : ''}${msg}`, { cause: err });
}
