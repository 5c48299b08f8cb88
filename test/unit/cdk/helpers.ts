import type { Analysis } from '../../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { hoverAt } from '../../../server/src/core/features/hover';
import type { ElementKind, ElementOfKind, NetworkElement } from '../../../server/src/core/model/types';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

export const ROOT = 'file:///app';

/** Analyses files given as `{ 'lib/stack.ts': text }` through the real workspace (all front-ends). */
export async function analyse(files: Readonly<Record<string, string>>): Promise<CdkResult> {
  const ws = await createWorkspace();
  const claimed = new Map<string, boolean>();
  for (const [name, text] of Object.entries(files)) claimed.set(name, ws.setFile(`${ROOT}/${name}`, text));
  return new CdkResult(ws.analyze(DEFAULT_SETTINGS), files, claimed);
}

export class CdkResult {
  constructor(
    readonly analysis: Analysis,
    private readonly files: Readonly<Record<string, string>>,
    readonly claimed: ReadonlyMap<string, boolean>,
  ) {}

  elements(): NetworkElement[] {
    return [...this.analysis.model.all()];
  }

  ofKind<K extends ElementKind>(kind: K): ElementOfKind<K>[] {
    return this.elements().filter((e): e is ElementOfKind<K> => e.kind === kind);
  }

  /** The element whose id ends with `::<path>`. */
  byPath(path: string): NetworkElement {
    const e = this.elements().find((x) => x.id.endsWith(`::${path}`));
    if (!e) throw new Error(`no element ${path}; have ${this.elements().map((x) => x.id.replace(/^.*::/, '')).join(', ')}`);
    return e;
  }

  diagnostics(file: string): readonly Diagnostic[] {
    return this.analysis.diagnostics.get(`${ROOT}/${file}`) ?? [];
  }

  /** `code@"text under the span"@line` (1-based) of each diagnostic of a file, for compact assertions. */
  findings(file: string): string[] {
    const text = this.files[file]!;
    return this.diagnostics(file).map((d) => `${d.ruleId}@${text.slice(d.span.start, d.span.end)}@${lineOf(text, d.span.start)}`);
  }

  /** The text a span covers. */
  textAt(span: { file: string; start: number; end: number }): string {
    const name = span.file.slice(ROOT.length + 1);
    return this.files[name]!.slice(span.start, span.end);
  }

  /** Hover markdown at the first occurrence of `needle` in a file (offset `into` characters in). */
  hover(file: string, needle: string, into = 1): string | undefined {
    const text = this.files[file]!;
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`${needle} not in ${file}`);
    return hoverAt(this.analysis, (uri) => this.files[uri.slice(ROOT.length + 1)], `${ROOT}/${file}`, at + into)?.markdown;
  }
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The field's value when known (throws otherwise: the test expects it known). */
export function valueOf<T>(f: { known: boolean; value?: T } | undefined): T {
  if (!f || !f.known) throw new Error(`expected a known field, got ${JSON.stringify(f)}`);
  return f.value as T;
}

export const HEADER = `import * as cdk from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\n`;

/** A stack file whose body (inside a constructor, `this` being the stack) is `body`. */
export function stack(body: string, header = HEADER): string {
  return `${header}
export class TestStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
${body}
  }
}
const app = new cdk.App();
new TestStack(app, 'S');
`;
}
