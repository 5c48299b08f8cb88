/** What a command may touch of the process: tests and the entry point hand it in, commands never use `process`. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly stdoutIsTty: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function useColor(io: CliIo): boolean {
  return io.stdoutIsTty && !io.env['NO_COLOR'];
}
