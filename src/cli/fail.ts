// Turns any failure into one line on stderr and an exit code; stack traces only with KG_DEBUG=1.
import { CommanderError } from 'commander';

export class UsageError extends Error {}

/** Raised after the command has already printed what went wrong (e.g. rejected input under --strict). */
export class ReportedFailure extends Error {
  constructor(readonly exitCode: number) {
    super('reported');
  }
}

export function reportFailure(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof ReportedFailure) return err.exitCode;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`kg: error: ${message}\n`);
  if (process.env.KG_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return err instanceof UsageError ? 2 : 1;
}
