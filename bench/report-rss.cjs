// Preloaded into a benchmarked process: prints its peak resident memory (KiB) on exit, on stderr.
process.on('exit', () => process.stderr.write(`\nTOLLGATE_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
