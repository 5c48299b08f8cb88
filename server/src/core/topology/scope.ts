import { CompositeModel } from '../analysis/compositeModel';
import type { ModelView } from '../model/network';
import type { NetworkElement } from '../model/types';
import { folderOfUri } from '../text/uri';

/**
 * The elements a topology shows: the whole workspace, or only the analysis unit(s) of one file (its Terraform
 * root module with the modules it calls, its CloudFormation stack). Units never reference each other, so a
 * unit is a complete picture. A file without resources of its own (variables.tf, terraform.tfvars) belongs
 * to the units of the files in its folder.
 */
export function elementsInScope(model: ModelView, file: string | undefined): NetworkElement[] {
  if (file === undefined) return [...model.all()];
  const folder = folderOfUri(file);
  let matches = (e: NetworkElement) => e.span.file === file;
  if (!someElement(model, matches)) matches = (e) => folderOfUri(e.span.file) === folder;
  if (!(model instanceof CompositeModel)) return someElement(model, matches) ? [...model.all()] : [];

  const parts = new Set<ReturnType<CompositeModel['partOf']>>();
  for (const e of model.all()) if (matches(e)) parts.add(model.partOf(e.id));
  const out: NetworkElement[] = [];
  for (const part of parts) if (part) out.push(...part.all());
  return out;
}

function someElement(model: ModelView, test: (e: NetworkElement) => boolean): boolean {
  for (const e of model.all()) if (test(e)) return true;
  return false;
}
