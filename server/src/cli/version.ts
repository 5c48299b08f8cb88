// The bundler inlines this one field of package.json into dist/cli.js, so the CLI reads no file to know it.
import { version } from '../../../package.json';

export const VPC_LENS_VERSION: string = version;
export const INFORMATION_URI = 'https://github.com/vpc-lens/vpc-lens';
