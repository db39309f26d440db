import { Command, Option } from '@commander-js/extra-typings';
import { exposureQuery } from '../../scan/queries/exposure.js';
import { emit, log } from '../io.js';
import { finishQuery, loadQueryInputs } from './query-inputs.js';

export function exposureCommand() {
  return new Command('exposure')
    .description('every resource reachable from the internet: protocols, ports, sources, and the rules that let it through')
    .argument('<paths...>', 'files or folders: Terraform, CloudFormation, ARM, AWS/Azure CLI exports')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (paths, opts) => {
      const loaded = await loadQueryInputs(paths, opts.quiet);
      const { result: out, notes } = exposureQuery(loaded.estate);
      for (const n of notes) log(`parapet: ${n}`);
      if (opts.format === 'json') emit(`${JSON.stringify(out, null, 2)}\n`, undefined);
      else {
        const lines = out.exposures.map((e) => {
          const from = `${e.from.join(', ')}${e.except ? ` except ${e.except.join(', ')}` : ''}`;
          const via = e.via.map((v) => `${v.id}${v.rule ? ` ${v.rule}` : ''}`).join('; ');
          return `${e.verdict === 'reachable' ? 'yes  ' : 'maybe'} ${e.resource}  ${e.protocol} ${e.ports.join(',') || '(all)'}  from ${from}\n      via ${via}`;
        });
        emit(`${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${out.exposures.length} exposures\n`, undefined);
      }
      finishQuery(loaded);
    });
}
