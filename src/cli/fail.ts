// Turns any failure into one line on stderr and an exit code; stack traces only with KG_DEBUG=1.
import { CommanderError } from 'commander';
import type { Rejection } from '../../loaders/types.ts';

export class UsageError extends Error {}

/** Raised after the command has already printed what went wrong (e.g. rejected input under --strict). */
export class ReportedFailure extends Error {
  constructor(readonly exitCode: number) {
    super('reported');
  }
}

/** Rejected input records, one `file:line: reason` line each. */
export function printRejections(rejections: Rejection[]): void {
  for (const r of rejections) process.stderr.write(`rejected ${r.file}:${r.line}: ${r.reason}\n`);
}

export function reportFailure(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof ReportedFailure) return err.exitCode;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`kg: error: ${message}\n`);
  if (process.env.KG_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return err instanceof UsageError ? 2 : 1;
}
