import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { hoverAt } from '../../../server/src/core/features/hover';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

/** Analyses `files` (path -> text) under file:///w/ and hovers the first occurrence of `needle` in `file`. */
export async function hoverOn(files: Record<string, string>, file: string, needle: string): Promise<string | undefined> {
  const ws = await createWorkspace();
  const texts = new Map(Object.entries(files).map(([name, text]) => [`file:///w/${name}`, text]));
  for (const [uri, text] of texts) ws.setFile(uri, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  const uri = `file:///w/${file}`;
  const at = texts.get(uri)!.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${file}`);
  return hoverAt(analysis, (u) => texts.get(u), uri, at + 2)?.markdown;
}
