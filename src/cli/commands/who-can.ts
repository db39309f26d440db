import { Command, Option } from '@commander-js/extra-typings';
import { awsWhoCan, isAwsAction, loadForQuery } from '../../scan/queries/aws-access.js';
import { isAzureAction } from '../../scan/queries/azure-access.js';
import { EXIT } from '../exit-codes.js';
import { azureWhoCanAction } from './access.js';
import { emit, log } from '../io.js';
import { collectContext } from './can.js';

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
      if (!isAwsAction(opts.action)) {
        log(`parapet: \`${opts.action}\` is neither an AWS action (service:Action) nor an Azure operation (Microsoft.X/type/action)`);
        process.exitCode = EXIT.usageOrInput;
        return;
      }
      const loaded = await loadForQuery(paths, opts.quiet ? {} : { onProgress: (l) => log(`parapet: ${l}`) });
      for (const d of loaded.diagnostics) if (d.severity === 'error') log(`parapet: ${d.file}:${d.line}:${d.column}: ${d.message}`);
      const out = awsWhoCan(loaded.estate, opts.action, opts.resource, opts.context);
      if (!out.ok) {
        log(`parapet: ${out.error.message}`);
        process.exitCode = EXIT.usageOrInput;
        return;
      }
      if (opts.format === 'json') emit(`${JSON.stringify(out.result, null, 2)}\n`, undefined);
      else {
        const rows = out.result.principals.map((p) => `${p.decision === 'allowed' ? 'yes    ' : 'maybe  '} ${p.name}  ${p.id}\n         via ${p.via.join('; ')}`);
        emit(`${rows.join('\n')}${rows.length > 0 ? '\n' : ''}${out.result.principals.length} principals\n`, undefined);
      }
      process.exitCode = loaded.diagnostics.some((d) => d.severity === 'error') ? EXIT.usageOrInput : EXIT.ok;
    });
}
