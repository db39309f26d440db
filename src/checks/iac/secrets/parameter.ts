import type { TemplateParameter } from '../../../model/index.js';

/** "variable" for Terraform, "parameter" for CloudFormation and ARM: the word the template's author uses. */
export function what(p: TemplateParameter): string {
  return p.native.type === 'variable' ? 'variable' : 'parameter';
}
