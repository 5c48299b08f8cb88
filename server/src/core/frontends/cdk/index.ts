import { type Language, Parser } from 'web-tree-sitter';
import type { FrontEnd } from '../types';
import { CdkBuilder } from './build';
import { cdkFileRole } from './detect';
import type { CdkParsedFile } from './parsedFile';
import { parseTypeScript } from './syntax/parse';

export type { CdkParsedFile } from './parsedFile';
export { cdkFileRole, type CdkFileRole } from './detect';

/**
 * AWS CDK apps in TypeScript, analysed from source without running synth: tree-sitter parses each file into
 * a small AST, an evaluator runs the app symbolically (constants, imports, construct props through
 * constructors), and the constructs are expanded into the resources CDK synthesizes (L2 Vpc through the
 * vpcLayout allocator), mapped by the CloudFormation mapping.
 */
export function createCdkFrontEnd(language: Language): FrontEnd<CdkParsedFile> {
  let parser: Parser | undefined;
  const builder = new CdkBuilder();
  return {
    id: 'cdk',
    claims: (uri, text) => cdkFileRole(uri, text) !== undefined,
    parse(uri, text): CdkParsedFile {
      const role = cdkFileRole(uri, text) ?? 'app';
      if (!parser) {
        parser = new Parser();
        parser.setLanguage(language);
      }
      const { program, problems } = parseTypeScript(parser, uri, text);
      const imports = program.body.flatMap((s) =>
        (s.k === 'import' || s.k === 'export') && s.source && (s.source.startsWith('./') || s.source.startsWith('../')) ? [s.source] : [],
      );
      return role === 'app'
        ? { uri, frontEnd: 'cdk', role, program, imports, problems, deferredProblems: [] }
        : { uri, frontEnd: 'cdk', role, program, imports, problems: [], deferredProblems: problems };
    },
    build: (files, options) => ({ units: builder.build(files, options.textOf) }),
  };
}
