import type { Disposable, FileSystemWatcher } from 'vscode-languageserver';

/** The files of a module folder Terraform reads: its own `.tf` and `.tf.json`, not its subfolders'. */
/** A module's configuration files, and in `.terraform/modules` the manifest of what terraform init installed. */
const MODULE_FILES = '{*.tf,*.tf.json,modules.json}';

/**
 * Asks the editor to watch the local module folders the workspace calls from outside its folders
 * (`envs/prod` calling `../../modules/network`). The workspace-wide watcher's glob is relative to the
 * workspace folders, so without this a module edited by another tool or a `git pull` would go unnoticed until
 * the next re-index. Needs the client's support for relative patterns (LSP 3.17, VS Code); the registration is
 * replaced whenever the set of folders changes.
 */
export class ModuleFolderWatcher {
  private folders = new Set<string>();
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly register: ((watchers: FileSystemWatcher[]) => Promise<Disposable>) | undefined,
    private readonly logError: (message: string) => void,
  ) {}

  /** Watches exactly these folders (URIs); nothing is sent when they are the ones watched already. */
  update(folderUris: Iterable<string>): void {
    const register = this.register;
    if (!register) return;
    const next = new Set(folderUris);
    if (next.size === this.folders.size && [...next].every((f) => this.folders.has(f))) return;
    this.folders = next;
    const watchers = [...next].sort().map((baseUri) => ({ globPattern: { baseUri, pattern: MODULE_FILES } }));
    this.registration = this.registration
      .then(async (previous) => {
        previous?.dispose();
        return watchers.length > 0 ? await register(watchers) : undefined;
      })
      .catch((err: unknown) => {
        this.logError(`VPC Lens: cannot watch the module folders outside the workspace: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
  }

  /** Whether a folder (URI) is one of the watched module folders. */
  watches(folderUri: string): boolean {
    return this.folders.has(folderUri);
  }
}
