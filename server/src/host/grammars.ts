import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { registerTreeSitterRuntime } from '../core/frontends/terraform/syntax/treeSitterRuntime';

/** The tree-sitter grammars front-ends parse with, loaded once per process by the host (core does no IO). */
export interface Grammars {
  readonly terraform: Language;
  readonly typescript: Language;
}

const WASM_FILES = {
  runtime: 'tree-sitter.wasm',
  terraform: 'tree-sitter-terraform.wasm',
  typescript: 'tree-sitter-typescript.wasm',
} as const;

/**
 * Bundles find the WASM files next to themselves in dist/ (esbuild.mjs copies them there); tests run from
 * sources and find them in node_modules.
 */
function locate(file: string): string {
  const candidates = [
    path.join(__dirname, file),
    path.join(__dirname, '..', 'dist', file),
    path.join(process.cwd(), 'dist', file),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const fromModules: Record<string, string> = {
    [WASM_FILES.runtime]: 'web-tree-sitter/tree-sitter.wasm',
    [WASM_FILES.terraform]: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
    [WASM_FILES.typescript]: 'tree-sitter-typescript/tree-sitter-typescript.wasm',
  };
  return require.resolve(fromModules[file] ?? file);
}

let loading: Promise<Grammars> | undefined;

export function loadGrammars(): Promise<Grammars> {
  loading ??= (async () => {
    // Emscripten installs the runtime's exports on the options object: the fast tree copy uses them.
    const runtime = { locateFile: () => locate(WASM_FILES.runtime) };
    await Parser.init(runtime);
    registerTreeSitterRuntime(runtime);
    const terraform = await Language.load(fs.readFileSync(locate(WASM_FILES.terraform)));
    const typescript = await Language.load(fs.readFileSync(locate(WASM_FILES.typescript)));
    return { terraform, typescript };
  })();
  return loading;
}
