// Preloaded into every bench command (`node --require bench/peak-memory.js …`): writes the process's
// peak memory (max RSS, KiB) to the file named by TAK_BENCH_PEAK when the process exits.
process.on('exit', () => {
  const file = process.env.TAK_BENCH_PEAK;
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
});
