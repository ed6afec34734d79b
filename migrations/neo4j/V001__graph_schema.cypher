// Neo4j schema of the graph model (src/model/graph.ts): a unique id per label, name indexes
// for lookups and sorting, and one full-text index over names, aliases, titles and abstracts.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benchmark_id IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE INDEX paper_key IF NOT EXISTS FOR (n:Paper) ON (n.key);
CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title);
CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year);
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name);
CREATE INDEX benchmark_name IF NOT EXISTS FOR (n:Benchmark) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX concept_name IF NOT EXISTS FOR (n:Concept) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE FULLTEXT INDEX kg_fulltext IF NOT EXISTS
FOR (n:Paper|Method|Model|Benchmark|Metric|Concept|Organization)
ON EACH [n.name, n.aliasText, n.title, n.abstract, n.description];
