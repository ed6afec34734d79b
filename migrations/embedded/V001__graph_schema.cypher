// Kùzu schema of the graph model (src/model/graph.ts): one node table per label keyed by id,
// one relationship table per type over every (from, to) pair REL_ENDPOINTS allows.
// Full-text indexes are rebuilt by every load at commit, so they are not declared here.
CREATE NODE TABLE Paper(id STRING PRIMARY KEY, key STRING, title STRING, abstract STRING, publishedAt STRING, year INT64, authorCount INT64, upvotes INT64, arxivId STRING, url STRING, hasCode BOOLEAN);
CREATE NODE TABLE Method(id STRING PRIMARY KEY, name STRING, aliases STRING[], aliasText STRING, family STRING, parameters STRING);
CREATE NODE TABLE Model(id STRING PRIMARY KEY, name STRING, aliases STRING[], aliasText STRING, family STRING, parameters STRING);
CREATE NODE TABLE Benchmark(id STRING PRIMARY KEY, name STRING, aliases STRING[], aliasText STRING, family STRING, parameters STRING);
CREATE NODE TABLE Metric(id STRING PRIMARY KEY, name STRING, aliases STRING[], aliasText STRING, family STRING, parameters STRING);
CREATE NODE TABLE Concept(id STRING PRIMARY KEY, name STRING, description STRING);
CREATE NODE TABLE Organization(id STRING PRIMARY KEY, name STRING);
CREATE REL TABLE PROPOSES(FROM Paper TO Method, FROM Paper TO Model, FROM Paper TO Benchmark, FROM Paper TO Metric, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE MENTIONS(FROM Paper TO Method, FROM Paper TO Model, FROM Paper TO Benchmark, FROM Paper TO Metric, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE BUILDS_ON(FROM Method TO Method, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE COMPARED_WITH(FROM Method TO Method, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE EVALUATED_ON(FROM Method TO Benchmark, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE APPLIED_TO(FROM Method TO Model, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE IN_CONCEPT(FROM Method TO Concept, FROM Paper TO Concept, evidence STRING, paperId STRING, outcome STRING);
CREATE REL TABLE PUBLISHED_BY(FROM Paper TO Organization, evidence STRING, paperId STRING, outcome STRING);
