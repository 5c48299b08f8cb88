import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { registerTreeSitterRuntime } from '../core/frontends/terraform/syntax/treeSitterRuntime';

/** The tree-sitter grammars front-ends parse with, loaded once per process by the host (core does no IO). */
export interface Grammars {
  readonly terraform: Language;
  /** Absent when the host said no TypeScript will be read (the CDK front-end is then left out). */
  readonly typescript?: Language;
}

/**
 * Which grammars a host needs. Terraform's is always loaded (with tree-sitter's runtime); TypeScript's, the
 * largest by far (1.4 MB of WebAssembly against 0.3 MB for the runtime and Terraform's), only for CDK source.
 * A promise lets a host start loading before it knows: the CLI decides once it has found the files.
 */
export interface GrammarNeeds {
  readonly typescript: boolean | PromiseLike<boolean>;
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

let terraformLoading: Promise<Language> | undefined;
let typescriptLoading: Promise<Language> | undefined;

/** tree-sitter's runtime, then Terraform's grammar; once per process. */
function loadTerraformGrammar(): Promise<Language> {
  terraformLoading ??= (async () => {
    // Emscripten installs the runtime's exports on the options object: the fast tree copy uses them.
    const runtime = { locateFile: () => locate(WASM_FILES.runtime) };
    await Parser.init(runtime);
    registerTreeSitterRuntime(runtime);
    return Language.load(fs.readFileSync(locate(WASM_FILES.terraform)));
  })();
  return terraformLoading;
}

function loadTypeScriptGrammar(): Promise<Language> {
  typescriptLoading ??= loadTerraformGrammar().then(() => Language.load(fs.readFileSync(locate(WASM_FILES.typescript))));
  return typescriptLoading;
}

/** The grammars of `needs` (by default all of them). Both start loading at once, so neither waits unhandled. */
export async function loadGrammars(needs: GrammarNeeds = { typescript: true }): Promise<Grammars> {
  const [terraform, typescript] = await Promise.all([
    loadTerraformGrammar(),
    Promise.resolve(needs.typescript).then((needed) => (needed ? loadTypeScriptGrammar() : undefined)),
  ]);
  return typescript ? { terraform, typescript } : { terraform };
}
