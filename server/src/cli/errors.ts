/**
 * An error the user can act on (a missing file, an unreadable config): printed as one line on stderr,
 * exit code 2. Anything else that escapes a command is an internal error.
 */
export class CliError extends Error {}
