import { type Attribute, type Block, findAttribute, staticString } from '../syntax/ast';
import type { TerraformParsedFile } from '../parsedFile';
import { folderInFolder } from '../../../text/uri';

export interface VariableDecl {
  readonly name: string;
  readonly block: Block;
  readonly file: string;
  readonly default?: Attribute;
}

export interface LocalDecl {
  readonly name: string;
  readonly attr: Attribute;
  readonly file: string;
}

export interface ResourceDecl {
  readonly type: string;
  readonly name: string;
  readonly block: Block;
  readonly file: string;
}

export interface ModuleCallDecl {
  readonly name: string;
  readonly block: Block;
  readonly file: string;
  /** The `source` string when written as a plain string (Terraform requires that). */
  readonly source?: string;
  readonly sourceAttr?: Attribute;
}

export interface OutputDecl {
  readonly name: string;
  readonly block: Block;
  readonly file: string;
  readonly value?: Attribute;
}

/** The declarations of one Terraform module: every `.tf` file directly in one folder. */
export interface ModuleDefinition {
  readonly folder: string;
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, LocalDecl>;
  /** Managed resources by `type.name`, in source order (files by URI). */
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly calls: ReadonlyMap<string, ModuleCallDecl>;
  readonly outputs: ReadonlyMap<string, OutputDecl>;
}

/** `files` must be the folder's `.tf` files sorted by URI (first declaration wins on duplicates). */
export function defineModule(folder: string, files: readonly TerraformParsedFile[]): ModuleDefinition {
  const variables = new Map<string, VariableDecl>();
  const locals = new Map<string, LocalDecl>();
  const resources = new Map<string, ResourceDecl>();
  const calls = new Map<string, ModuleCallDecl>();
  const outputs = new Map<string, OutputDecl>();
  for (const f of files) {
    const file = f.uri;
    const blocks = f.body.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      const l0 = block.labels[0];
      const l1 = block.labels[1];
      switch (block.type) {
        case 'variable':
          if (l0 && !variables.has(l0.value)) {
            variables.set(l0.value, { name: l0.value, block, file, default: findAttribute(block.body, 'default') });
          }
          break;
        case 'locals':
          for (const attr of block.body.attributes) {
            if (!locals.has(attr.name)) locals.set(attr.name, { name: attr.name, attr, file });
          }
          break;
        case 'resource':
          if (l0 && l1) {
            const key = `${l0.value}.${l1.value}`;
            if (!resources.has(key)) resources.set(key, { type: l0.value, name: l1.value, block, file });
          }
          break;
        case 'module':
          if (l0 && !calls.has(l0.value)) {
            const sourceAttr = findAttribute(block.body, 'source');
            const source = sourceAttr ? staticString(sourceAttr.value) : undefined;
            calls.set(l0.value, { name: l0.value, block, file, source, sourceAttr });
          }
          break;
        case 'output':
          if (l0 && !outputs.has(l0.value)) {
            outputs.set(l0.value, { name: l0.value, block, file, value: findAttribute(block.body, 'value') });
          }
          break;
      }
    }
  }
  return { folder, variables, locals, resources, calls, outputs };
}

/** A local module source (`./x`, `../x`) resolved against the calling folder's URI; undefined otherwise. */
export function resolveLocalSource(folder: string, source: string): string | undefined {
  const s = source.trim();
  if (!(s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../'))) return undefined;
  return folderInFolder(folder, s);
}
