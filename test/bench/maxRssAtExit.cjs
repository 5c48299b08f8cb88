// Preloaded (`node --require`) into a measured process when GNU time is not available: at exit it writes
// the process's peak resident set size in KiB to the file named by VPC_LENS_BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
const target = process.env.VPC_LENS_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
