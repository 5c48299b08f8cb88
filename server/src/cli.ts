// STUB: replaced by the CLI.
import { createWorkspace } from './host/createWorkspace';

void (async () => {
  const ws = await createWorkspace();
  ws.setFile('file:///x/main.tf', 'resource "aws_vpc" "a" {}');
  console.log(JSON.stringify({ files: ws.analyze({ rules: {}, terraformVarFiles: [] }).files }));
})();
