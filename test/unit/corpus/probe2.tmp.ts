import * as fs from 'node:fs';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
(async () => {
  const ws = await createWorkspace({ error: (m) => console.error('LOG', m) });
  const f = process.argv[2]!;
  ws.setFile('file:///corpus/x/' + f.split('/').pop(), fs.readFileSync(f, 'utf8'));
  const a = ws.analyze(DEFAULT_SETTINGS);
  const counts: Record<string, number> = {};
  for (const e of a.model.all()) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  console.log(counts);
  for (const k of (process.argv[3] ?? '').split(',').filter(Boolean)) for (const e of a.model.ofKind(k as any)) console.log(JSON.stringify(e, (key, v) => key === 'span' || key === 'source' ? undefined : v).slice(0, 600));
  for (const [, ds] of a.diagnostics) for (const d of ds) console.log(d.ruleId, d.message);
})();
