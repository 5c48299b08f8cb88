// Preloaded (`node --require`) into a measured process when GNU time is not available: at exit it writes
// the process's peak resident set size (KiB) and minor page faults, as JSON, to the file named by
// VPC_LENS_BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
const target = process.env.VPC_LENS_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, minorPageFaults: usage.minorPageFault }));
  });
}
