import { Command, Option } from '@commander-js/extra-typings';
import { findCheck } from '../../checks/catalogue.js';
import { renderJson } from '../../report/json/json-report.js';
import { renderSarif } from '../../report/sarif/sarif-report.js';
import { renderTable } from '../../report/table/table-report.js';
import type { Severity } from '../../report/types.js';
import { SEVERITIES, severityRank } from '../../report/types.js';
import { scan } from '../../scan/scan.js';
import { EXIT } from '../exit-codes.js';
import { collectKeyValue, collectList, emit, log, oneOf, positiveSize, useColor } from '../io.js';

const FORMATS = ['table', 'json', 'sarif'] as const;

export function scanCommand() {
  return new Command('scan')
    .description('scan IaC files, plans and CLI exports for misconfigurations (folders are walked recursively)')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table' as const))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').argParser(oneOf(SEVERITIES)).default('low' as Severity))
    .option('--check <ids>', 'run only these checks (comma-separated, repeatable)', collectList, [] as string[])
    .option('--skip-check <ids>', 'skip these checks (comma-separated, repeatable)', collectList, [] as string[])
    .option('--param <key=value>', 'CloudFormation/ARM parameter value (repeatable)', collectKeyValue, {} as Record<string, string>)
    .option('--var <key=value>', 'Terraform variable value (repeatable)', collectKeyValue, {} as Record<string, string>)
    .option('--var-file <file>', 'Terraform variables file (repeatable)', collectList, [] as string[])
    .option('--max-file-size <size>', 'refuse input files larger than this', positiveSize)
    .option('--show-unknown', 'list checks that could not decide because a value is unknown before deployment')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action(async (paths, opts) => {
      // A mistyped id would otherwise select nothing and pass a CI gate silently.
      const unknownIds = [...opts.check, ...opts.skipCheck].filter((id) => findCheck(id) === undefined);
      if (unknownIds.length > 0) {
        log(`parapet: no check ${unknownIds.map((id) => `\`${id}\``).join(', ')} (see \`parapet checks\`)`);
        process.exitCode = EXIT.usageOrInput;
        return;
      }
      const progress = opts.quiet ? undefined : (line: string) => log(`parapet: ${line}`);
      const { report, crashes } = await scan(paths, {
        only: opts.check,
        skip: opts.skipCheck,
        parameters: opts.param,
        terraform: { vars: opts.var, varFiles: opts.varFile },
        ...(opts.maxFileSize !== undefined ? { maxFileBytes: opts.maxFileSize } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
      const text =
        opts.format === 'json' ? renderJson(report)
        : opts.format === 'sarif' ? renderSarif(report)
        : renderTable(report, { color: opts.output ? false : useColor(opts.color), showUnknown: opts.showUnknown === true });
      emit(text, opts.output);
      for (const c of crashes) log(`parapet: internal error in check ${c.checkId} on ${c.resource}:\n${c.error}`);
      const threshold = severityRank(opts.failOn);
      const failing = report.findings.some((f) => severityRank(f.severity) >= threshold);
      process.exitCode =
        crashes.length > 0 ? EXIT.internal
        : report.errors.some((e) => e.severity === 'error') ? EXIT.usageOrInput
        : failing ? EXIT.findings
        : EXIT.ok;
    });
}
