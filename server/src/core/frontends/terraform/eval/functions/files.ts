import { bool, str, unknown, type Value } from '../../../../values/value';
import { arg, needString, type TfFunction } from './support';

/**
 * Terraform's file functions over the texts the workspace holds, so that a configuration file next to the code
 * (`yamldecode(file("${path.module}/network.yaml"))`) gives its values. A path is relative to the root module's
 * folder, where Terraform runs. A file the workspace does not hold is not known to be missing (it may lie
 * outside the folders VPC Lens reads, or be a kind of file it does not read): its value is unknown, and says so.
 */
export const FILE_FUNCTIONS: Record<string, TfFunction> = {
  file: (args, ctx) => {
    const path = needString(arg(args, 0, ctx), ctx);
    const found = ctx.readFile(path);
    // Its origin is the whole file, so that what yamldecode/jsondecode make of it can point into the file.
    return found?.text === undefined ? notRead(path) : str(found.text, { file: found.uri, start: 0, end: found.text.length });
  },
  fileexists: (args, ctx) => {
    const path = needString(arg(args, 0, ctx), ctx);
    const found = ctx.readFile(path);
    return found?.text === undefined ? notRead(path) : bool(true, ctx.at);
  },
};

function notRead(path: string): Value {
  return unknown(
    `"${path}" is not a file VPC Lens read (it reads the .json, .yaml and .yml files of the folders it checks, and a file a configuration names with a path written in full, up to 1 MB)`,
  );
}
