import type { Attr, ResourceBase } from '../core/index.js';

/**
 * An input parameter of a template: CloudFormation `Parameters`, ARM `parameters`, Terraform `variable`. Kept in the
 * model because secrets are often passed (or defaulted) through them.
 */
export interface TemplateParameter extends ResourceBase<'iac.parameter'> {
  readonly name: string;
  /** `NoEcho`, ARM `securestring`/`secureObject`, Terraform `sensitive = true`. */
  readonly hidden: Attr<boolean>;
  readonly defaultValue: Attr<string | null>;
}

export type IacResource = TemplateParameter;
