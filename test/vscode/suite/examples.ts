// What the API scenarios expect, read from examples/README.md's table of deliberate mistakes, so the suite
// follows the examples as other engineers extend them. Pure (no vscode), so it can be checked anywhere.

export interface ListedMistake {
  rule: string;
  /** Workspace-relative file and 1-based line where the table says the finding is reported. */
  file: string;
  line: number;
  /** The CIDR quoted at that place (`"10.1.5.0/24"`), when the table quotes one. */
  cidr?: string;
  /** The replacement the table names (`the fix is \`10.0.7.0/24\``). */
  fix?: string;
}

/** Rows like ``| `cidr-host-bits` | `subnets.tf:74` (`"10.0.7.1/24"`) | host bits set; the fix is `10.0.7.0/24` |``. */
export function mistakesFromReadme(readme: string): ListedMistake[] {
  const mistakes: ListedMistake[] = [];
  for (const row of readme.split('\n')) {
    const match = row.match(/^\|\s*`([\w-]+)`\s*\|\s*`([^`:\s]+):(\d+)`(?:\s*\(`"([0-9a-fA-F.:]+\/\d+)"`)?/);
    if (!match) continue;
    const fix = row.match(/the fix is `([^`]+)`/)?.[1];
    mistakes.push({
      rule: match[1]!,
      file: match[2]!,
      line: Number(match[3]),
      ...(match[4] ? { cidr: match[4] } : {}),
      ...(fix ? { fix } : {}),
    });
  }
  return mistakes;
}
