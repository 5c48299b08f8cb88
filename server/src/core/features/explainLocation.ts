import type { Span } from '../text/span';
import { LineIndex } from '../text/lineIndex';

/** Reads a file's current text; undefined when the host has none (the place is then shown without a line). */
export type ExplainTextAccessor = (uri: string) => string | undefined;

/** A place a finding involves, as the user reads it (`subnets.tf:52`) and as a link the editor opens. */
export interface ExplainLocation {
  readonly label: string;
  readonly target: string;
}

/**
 * Turns spans into `file:line` labels relative to the hovered file, computing each file's line index once:
 * a finding's chain usually names several places in the same one or two files.
 */
export class LocationLabeler {
  private readonly indexes = new Map<string, LineIndex | undefined>();

  constructor(
    private readonly fromUri: string,
    private readonly textOf: ExplainTextAccessor,
  ) {}

  locate(span: Span): ExplainLocation {
    const path = relativePath(this.fromUri, span.file);
    const index = this.indexOf(span.file);
    if (!index) return { label: path, target: span.file };
    const line = index.positionAt(span.start).line + 1;
    // VS Code opens `#L<line>` fragments of file links at that line.
    return { label: `${path}:${line}`, target: `${span.file}#L${line}` };
  }

  private indexOf(uri: string): LineIndex | undefined {
    if (!this.indexes.has(uri)) {
      const text = this.textOf(uri);
      this.indexes.set(uri, text === undefined ? undefined : new LineIndex(text));
    }
    return this.indexes.get(uri);
  }
}

/**
 * `to` as a path relative to the folder of `from` (`vpc.tf`, `modules/x/main.tf`, `../net/vpc.tf`); the
 * whole decoded path when the two share no folder (another scheme or authority).
 */
export function relativePath(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  // `file:`, '', '' (scheme and empty authority) are no shared folder.
  const sharesFolder = common > 3 || (common === 3 && fromParts[2] !== '') || (common === fromParts.length && common >= 3);
  const rest = toParts.slice(common);
  const path = sharesFolder ? [...fromParts.slice(common).map(() => '..'), ...rest].join('/') : to.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return decode(path);
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
