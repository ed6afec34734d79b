import { seedGraph } from './test/api/helpers.ts';
import { createServer } from './src/api/server.ts';
const g = await seedGraph();
const s = createServer({ store: g.store, config: { corsOrigins: ['*'], production: true } });
const { graphqlUrl } = await s.listen(4599);
console.log(graphqlUrl);
process.on('SIGINT', async () => { await s.close(); await g.close(); process.exit(0); });
