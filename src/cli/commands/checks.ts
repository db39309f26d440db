import { Command, Option } from '@commander-js/extra-typings';
import { CATALOGUE } from '../../checks/catalogue.js';
import { emit, oneOf } from '../io.js';

export function checksCommand() {
  return new Command('checks')
    .description('list the check catalogue')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    // A mistyped provider is a usage error, not an empty catalogue.
    .addOption(new Option('--provider <provider>', 'only checks of this provider (aws, azure, iac)').argParser(oneOf(['aws', 'azure', 'iac'] as const)))
    .action((opts) => {
      const list = CATALOGUE.filter((c) => !opts.provider || c.provider === opts.provider);
      if (opts.format === 'json') {
        const rows = list.map(({ id, title, severity, provider, service, target, compliance }) => ({ id, title, severity, provider, service, target, compliance: compliance ?? {} }));
        emit(`${JSON.stringify(rows, null, 2)}\n`, undefined);
        return;
      }
      const idWidth = Math.max(...list.map((c) => c.id.length), 2);
      const lines = list.map((c) => `${c.id.padEnd(idWidth)}  ${c.severity.padEnd(8)}  ${c.title}`);
      emit(`${lines.join('\n')}\n${list.length} checks\n`, undefined);
    });
}
