// `kg`: the command line of DESIGN.md ("CLI contract").
import { Command } from 'commander';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerLoad } from './commands/load.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerServe } from './commands/serve.ts';
import { registerStats } from './commands/stats.ts';
import { reportFailure } from './fail.ts';

const program = new Command('kg')
  .description('Attention & retrieval knowledge graph: load paper listings, serve GraphQL')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerLoad, registerExtract, registerServe, registerMigrate, registerStats, registerExport]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportFailure(err);
}
