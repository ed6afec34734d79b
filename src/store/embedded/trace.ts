// KG_WRITER_TRACE=1: the writer times its steps (every COPY, index build, checkpoint) on stderr,
// with the process's memory and CPU time so far, to see where a load spends its time.
const TRACE = process.env.KG_WRITER_TRACE === '1';
const t0 = performance.now();

export function trace(what: string, since: number): void {
  if (!TRACE) return;
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  process.stderr.write(
    `[writer] ${what} ${(performance.now() - since).toFixed(0)} ms (t=${((performance.now() - t0) / 1000).toFixed(1)} s, ` +
      `cpu=${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, rss=${mb(m.rss)} MB, heap=${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external=${mb(m.external)} MB)\n`,
  );
}
