import { readFileSync } from 'node:fs';
import { Command, Option } from '@commander-js/extra-typings';
import { simulate, simulateJson } from '../../scan/queries/simulate.js';
import { EXIT } from '../exit-codes.js';
import { emit, log } from '../io.js';

export function simulateCommand() {
  return new Command('simulate')
    .description('offline `aws iam simulate-custom-policy`: same input file, same response shape (docs/iam.md)')
    .requiredOption('-i, --input <file>', 'what `aws iam simulate-custom-policy --cli-input-json` accepts, or an array of such inputs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'table'] as const).default('json' as const))
    .option('-o, --output <file>', 'write the result to a file instead of stdout')
    .action((opts) => {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(opts.input, 'utf8'));
      } catch (e) {
        log(`parapet: cannot read ${opts.input}: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = EXIT.usageOrInput;
        return;
      }
      const result = simulate(input);
      if (opts.format === 'json') emit(simulateJson(result), opts.output);
      else {
        const blocks = result.items.map((item, k) => {
          const head = result.batch ? `# input ${k + 1}\n` : '';
          if (!item.ok) return `${head}${item.error.Code}: ${item.error.Message}\n`;
          return head + item.rows.map((r) => `${r.decision.padEnd(12)} ${r.action}  ${r.resource}\n             ${r.explanation}\n`).join('');
        });
        emit(blocks.join('\n'), opts.output);
      }
      for (const item of result.items) if (!item.ok) log(`parapet: ${item.error.Code}: ${item.error.Message}`);
      process.exitCode = result.items.some((i) => !i.ok) ? EXIT.usageOrInput : EXIT.ok;
    });
}
