// The explorer's only link to the server: the public GraphQL API at /graphql, same origin.

const ENDPOINT = '/graphql';

async function gql(query, variables, signal) {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const body = await res.json().catch(() => null);
  if (body?.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body?.data) throw new Error(`GraphQL request failed: HTTP ${res.status}`);
  return body.data;
}

const GRAPH_FIELDS = `
  nodes { id name type }
  edges { source target type evidence paper { id title } }
`;

// Entities carry their EntityType (METHOD, MODEL, ...), the same values lineage nodes use.
const NAMED = 'id ... on Entity { name type }';

/** Type-ahead hits over methods, models and benchmarks. */
export async function searchEntities(text, signal) {
  const data = await gql(
    `query ExplorerSearch($q: String!) {
      search(query: $q, types: [METHOD, MODEL, BENCHMARK], first: 8) { score snippet node { ${NAMED} } }
    }`,
    { q: text },
    signal,
  );
  return data.search.map((h) => ({ id: h.node.id, name: h.node.name, type: h.node.type, snippet: h.snippet }));
}

export async function fetchLineage(id, { direction = 'BOTH', depth = 2 } = {}) {
  const data = await gql(
    `query ExplorerLineage($id: ID!, $direction: LineageDirection, $depth: Int) {
      lineage(id: $id, direction: $direction, depth: $depth) { ${GRAPH_FIELDS} }
    }`,
    { id, direction, depth },
  );
  return data.lineage;
}

/** The shortest connection, or null when none exists within `maxHops`. */
export async function fetchPath(from, to, maxHops) {
  const data = await gql(
    `query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int) {
      path(from: $from, to: $to, maxHops: $maxHops) { ${GRAPH_FIELDS} }
    }`,
    { from, to, maxHops },
  );
  return data.path;
}

const PAPER_REF = 'id title publishedAt';

/** Side-panel details of an entity: aliases and the papers that introduce it. */
export async function fetchEntity(id) {
  const data = await gql(
    `query ExplorerEntity($id: ID!) {
      node(id: $id) {
        id
        ... on Entity { name type aliases paperCount introducedBy { ${PAPER_REF} } }
      }
    }`,
    { id },
  );
  return data.node;
}

export async function fetchPaper(id) {
  const data = await gql(
    `query ExplorerPaper($id: ID!) {
      paper(id: $id) {
        id title abstract publishedAt url
        proposes { id name type }
        methods { id name }
        models { id name }
        benchmarks { id name }
      }
    }`,
    { id },
  );
  return data.paper;
}
