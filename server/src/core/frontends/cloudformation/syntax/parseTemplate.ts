import { parseJsonTemplate, type TemplateSyntax } from './jsonTree';
import { parseYamlTemplate } from './yamlTree';

export type { TemplateSyntax } from './jsonTree';
export type TemplateFormat = 'json' | 'yaml';

/**
 * `.json` is JSON and `.yaml`/`.yml` YAML; anything else (`.template`) is JSON when its first character
 * (after blanks and a byte-order mark) is `{` or `[`, else YAML.
 */
export function templateFormatOf(uri: string, text: string): TemplateFormat {
  const path = uri.toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  const first = /^[\ufeff\s]*(.)/.exec(text.slice(0, 4096))?.[1];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/** Reads a template's text into a positioned tree plus its syntax problems; never throws. */
export function parseTemplateText(uri: string, text: string, format: TemplateFormat): TemplateSyntax {
  try {
    return format === 'json' ? parseJsonTemplate(uri, text) : parseYamlTemplate(uri, text);
  } catch (err) {
    const message = `VPC Lens could not read this template: ${err instanceof Error ? err.message : String(err)}`;
    return { tree: undefined, problems: [{ code: 'parse-error', severity: 'error', message, span: { file: uri, start: 0, end: 0 } }] };
  }
}
