import { LineIndex } from '../core/text/lineIndex';

/** Line indexes of the current texts, rebuilt only when a file's text changes. */
export class LineIndexCache {
  private readonly byUri = new Map<string, LineIndex>();

  constructor(private readonly textOf: (uri: string) => string | undefined) {}

  get(uri: string): LineIndex | undefined {
    const text = this.textOf(uri);
    if (text === undefined) {
      this.byUri.delete(uri);
      return undefined;
    }
    const cached = this.byUri.get(uri);
    if (cached && cached.text === text) return cached;
    const index = new LineIndex(text);
    this.byUri.set(uri, index);
    return index;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
