// Run in a fresh process by the benchmark: parses every file listed (one path a line in argv[2]) with
// HashiCorp's HCL parser (@cdktf/hcl2json, Go compiled to WASM) and prints timings as one JSON line.
// Plain JavaScript on purpose: no TypeScript loader in the measured cold start.
import * as fs from 'node:fs';
import { parse } from '@cdktf/hcl2json';

const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const sources = files.map((file) => [file, fs.readFileSync(file, 'utf8')]);

const parseStart = performance.now();
let failures = 0;
for (const [file, text] of sources) {
  try {
    await parse(file, text);
  } catch {
    failures++;
  }
}
const parseEnd = performance.now();

process.stdout.write(
  JSON.stringify({
    files: files.length,
    failures,
    parseMs: parseEnd - parseStart,
    // performance.now() counts from the process's time origin, i.e. its start.
    sinceStartMs: parseEnd,
  }) + '\n',
);
