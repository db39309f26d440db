import type { LoadDiagnostic } from '../../model/core/index.js';
import { dedupeDiagnostics } from '../common/diagnostics.js';
import type { LoadResult } from '../types.js';
import type { Adapter } from './adapt/context.js';
import { AdaptContext } from './adapt/context.js';
import { EC2_COMPUTE_ADAPTERS } from './adapt/ec2-compute.js';
import { EC2_NETWORK_ADAPTERS } from './adapt/ec2-network.js';
import { EC2_SECURITY_ADAPTERS } from './adapt/ec2-security.js';
import { IAM_ADAPTERS } from './adapt/iam.js';
import { adaptParameter } from './adapt/parameters.js';
import { RESOURCE_POLICY_ADAPTERS } from './adapt/resource-policies.js';
import { SERVICE_ADAPTERS } from './adapt/services.js';
import { STORAGE_ADAPTERS } from './adapt/storage.js';
import { isTemplateValue } from './detect.js';
import { parseJsonTemplate } from './parse-json.js';
import { parseYamlTemplate } from './parse-yaml.js';
import { Resolver } from './resolve.js';
import { diagnostic } from './source.js';
import type { SourceTree } from './source.js';
import { readTemplate } from './template.js';

export { isCloudFormation, sniffCloudFormation } from './detect.js';

export interface CloudFormationOptions {
  /**
   * Parameter values, as `aws cloudformation deploy --parameter-overrides` would give them; they win over defaults.
   * Pseudo parameters may be given too (`AWS::Region`, `AWS::AccountId`, `AWS::StackName`, `AWS::Partition`), else
   * they are unknown (the partition is taken from the region, `aws` when none is given).
   */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** Native types mapped to the model. Any other type is irrelevant to the model and skipped silently. */
const ADAPTERS: Readonly<Record<string, Adapter>> = {
  ...IAM_ADAPTERS,
  ...STORAGE_ADAPTERS,
  ...EC2_SECURITY_ADAPTERS,
  ...EC2_NETWORK_ADAPTERS,
  ...EC2_COMPUTE_ADAPTERS,
  ...SERVICE_ADAPTERS,
  ...RESOURCE_POLICY_ADAPTERS,
};

/** JSON when the document starts with `{` or `[` (after an optional byte-order mark and whitespace), else YAML. */
function looksJson(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}

/**
 * Loads one CloudFormation template (JSON or YAML): parse with positions, resolve intrinsic functions, adapt every
 * resource type the model knows. Never throws for bad input: syntax errors, broken structure and unknown functions
 * become diagnostics with a position, and everything else in the template still loads.
 */
export function loadCloudFormation(file: string, text: string, options: CloudFormationOptions = {}): LoadResult {
  const tree: SourceTree = looksJson(text) ? parseJsonTemplate(file, text) : parseYamlTemplate(file, text);
  const diagnostics: LoadDiagnostic[] = tree.diagnostics;
  const root = tree.root;
  if (root === undefined) {
    if (diagnostics.every((d) => d.severity !== 'error')) {
      diagnostics.push(diagnostic('not-a-template', file, { line: 1, column: 1 }, 'the file is empty'));
    }
    return { resources: [], fragments: [], diagnostics };
  }
  if (root.t !== 'object' || !isTemplateValue(root)) {
    diagnostics.push(diagnostic('not-a-template', file, root.at,
      'valid JSON/YAML, but not a CloudFormation template (no `AWSTemplateFormatVersion`, no `Resources` with `Type: AWS::…`)'));
    return { resources: [], fragments: [], diagnostics };
  }

  const template = readTemplate(file, { ...tree, root }, diagnostics);
  const resolver = new Resolver(template, options.parameters ?? {}, diagnostics);
  const ctx = new AdaptContext(template, resolver, diagnostics);

  // SAM functions are adapted; what SAM generates from other serverless types (APIs, tables, state machines) is not.
  const serverless = [...template.resources.values()].find((d) => d.type.startsWith('AWS::Serverless::') && !ADAPTERS[d.type]);
  if (serverless) {
    ctx.report('unsupported-function', serverless.at,
      `\`${serverless.logicalId}\` (${serverless.type}) is expanded by the AWS::Serverless transform at deployment; the resources it generates are not analysed`, 'warning');
  }

  for (const p of template.parameters.values()) ctx.emit(adaptParameter(p, ctx));

  for (const decl of template.resources.values()) {
    const adapter = ADAPTERS[decl.type];
    if (!adapter) continue;
    const created = resolver.created(decl);
    if (created.v === false) continue;
    if (created.v === 'unknown') {
      const cond = decl.condition?.t === 'string' ? decl.condition : undefined;
      const reason = cond ? resolver.condition(cond.v, cond.at).why : created.why;
      ctx.report('conditional', cond?.at ?? decl.at,
        `\`${decl.logicalId}\` is created only when condition \`${cond?.v ?? '?'}\` holds, which is undecided before deployment (${reason}); it is analysed as if created`, 'warning');
    }
    const props = ctx.propsOf(decl);
    if (!props) {
      ctx.report('invalid-value', decl.at, `the properties of \`${decl.logicalId}\` are unknown before deployment; it is not analysed`, 'warning');
      continue;
    }
    adapter(ctx.resource(decl, props), ctx);
  }
  return { resources: ctx.resources, fragments: ctx.fragments, diagnostics: dedupeDiagnostics(diagnostics) };
}
