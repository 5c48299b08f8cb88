/**
 * Cheap detection of `terraform show -json` output: a `.json` file (not `.tf.json`, which is configuration)
 * whose text names both top-level keys of a plan. The text is not parsed here: plans can be tens of MB.
 */
export function looksLikeTerraformPlan(uri: string, text: string): boolean {
  if (!/\.json$/i.test(uri) || /\.(tf|tfvars)\.json$/i.test(uri)) return false;
  const head = text.slice(0, 64).trimStart();
  if (!head.startsWith('{')) return false;
  return text.includes('"format_version"') && text.includes('"planned_values"');
}
