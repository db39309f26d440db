import { Command, Option } from '@commander-js/extra-typings';
import { awsWhoCan, isAwsAction } from '../../scan/queries/aws-access.js';
import { isAzureAction } from '../../scan/queries/azure-access.js';
import { azureWhoCanAction } from './access.js';
import { emit } from '../io.js';
import { collectContext } from './can.js';
import { finishQuery, loadQueryInputs, refuseQuery } from './query-inputs.js';

export function whoCanCommand() {
  return new Command('who-can')
    .description('which principals can perform this action on this resource? (AWS: IAM evaluation over the inputs)')
    .argument('<paths...>', 'files or folders: Terraform, CloudFormation, authorization-details exports')
    .requiredOption('--action <action>', 'e.g. iam:PassRole')
    .requiredOption('--resource <resource>', 'resource ARN or pattern')
    .option('--context <key=value>', 'request context value (repeatable)', collectContext, {} as Record<string, string[]>)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (paths, opts) => {
      // Azure operations (`Microsoft.X/...`) are answered by the RBAC engine.
      if (isAzureAction(opts.action)) return azureWhoCanAction(paths, opts);
      if (!isAwsAction(opts.action)) return refuseQuery(`\`${opts.action}\` is neither an AWS action (service:Action) nor an Azure operation (Microsoft.X/type/action)`);
      const loaded = await loadQueryInputs(paths, opts.quiet);
      const out = awsWhoCan(loaded.estate, opts.action, opts.resource, opts.context);
      if (!out.ok) return refuseQuery(out.error.message);
      if (opts.format === 'json') emit(`${JSON.stringify(out.result, null, 2)}\n`, undefined);
      else {
        const rows = out.result.principals.map((p) => `${p.decision === 'allowed' ? 'yes    ' : 'maybe  '} ${p.name}  ${p.id}\n         via ${p.via.join('; ')}`);
        emit(`${rows.join('\n')}${rows.length > 0 ? '\n' : ''}${out.result.principals.length} principals\n`, undefined);
      }
      finishQuery(loaded);
    });
}
