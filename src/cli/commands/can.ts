import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { awsCan, isAwsAction } from '../../scan/queries/aws-access.js';
import { isAzureAction } from '../../scan/queries/azure-access.js';
import { azureCanAction } from './access.js';
import { emit } from '../io.js';
import { finishQuery, loadQueryInputs, refuseQuery } from './query-inputs.js';

/** `--context K=V`, repeatable; a key given several times is a multivalued key. */
export function collectContext(value: string, previous: Record<string, string[]> = {}): Record<string, string[]> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected KEY=VALUE, got \`${value}\``);
  const k = value.slice(0, eq);
  return { ...previous, [k]: [...(previous[k] ?? []), value.slice(eq + 1)] };
}

export function canCommand() {
  return new Command('can')
    .description('can this principal perform this action on this resource? (AWS: IAM evaluation over the inputs)')
    .argument('<paths...>', 'files or folders: Terraform, CloudFormation, authorization-details exports')
    .requiredOption('--principal <principal>', 'user or role name or ARN (an ARN outside the inputs is judged by the resource policy)')
    .requiredOption('--action <action>', 'e.g. s3:GetObject')
    .requiredOption('--resource <resource>', 'resource ARN; a pattern such as arn:aws:s3:::* asks about any resource it covers')
    .option('--context <key=value>', 'request context value (repeatable; repeat a key for several values)', collectContext, {} as Record<string, string[]>)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (paths, opts) => {
      // Azure operations (`Microsoft.X/...`) are answered by the RBAC engine.
      if (isAzureAction(opts.action)) return azureCanAction(paths, opts);
      if (!isAwsAction(opts.action)) return refuseQuery(`\`${opts.action}\` is neither an AWS action (service:Action) nor an Azure operation (Microsoft.X/type/action)`);
      const loaded = await loadQueryInputs(paths, opts.quiet);
      const out = awsCan(loaded.estate, opts.principal, opts.action, opts.resource, opts.context);
      if (!out.ok) return refuseQuery(out.error.message);
      const r = out.result;
      if (opts.format === 'json') emit(`${JSON.stringify(r, null, 2)}\n`, undefined);
      else {
        const cites = (label: string, cs: typeof r.grantedBy): string[] => cs.map((c) => `  ${label} ${c.policy} statement ${c.statement}${c.sid ? ` (${c.sid})` : ''}${c.file ? `  ${c.file}:${c.line}:${c.column}` : ''}`);
        const lines = [
          `${r.decision.toUpperCase()}  ${r.principal}  ${r.action}  ${r.resource}`, `  ${r.reason}`,
          ...cites('granted by', r.grantedBy), ...cites('denied by', r.deniedBy),
          ...(r.dependsOn.length > 0 ? [`  depends on: ${r.dependsOn.join(', ')} (give them with --context)`] : []),
        ];
        emit(`${lines.join('\n')}\n`, undefined);
      }
      finishQuery(loaded);
    });
}
