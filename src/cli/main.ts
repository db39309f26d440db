import { Command, CommanderError } from '@commander-js/extra-typings';
import { VERSION } from '../version.js';
import { accessCommand } from './commands/access.js';
import { checksCommand } from './commands/checks.js';
import { explainCommand } from './commands/explain.js';
import { exposureCommand } from './commands/exposure.js';
import { canCommand } from './commands/can.js';
import { reachCommand } from './commands/reach.js';
import { scanCommand } from './commands/scan.js';
import { simulateCommand } from './commands/simulate.js';
import { whoCanCommand } from './commands/who-can.js';
import { EXIT } from './exit-codes.js';
import { log } from './io.js';

// `parapet scan | head` closes stdout early: stop quietly, as Unix tools do, instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// The AWS SDK warns about Node 20 on every import; Parapet supports Node 20 deliberately.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('parapet')
  .description('Finds, explains and proves security misconfigurations in AWS and Azure.')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program.addCommand(scanCommand());
program.addCommand(checksCommand());
program.addCommand(explainCommand());
program.addCommand(accessCommand());
program.addCommand(simulateCommand());
program.addCommand(canCommand());
program.addCommand(whoCanCommand());
program.addCommand(reachCommand());
program.addCommand(exposureCommand());
// Commands added with addCommand do not inherit these settings: usage errors must exit 2, not 1.
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usageOrInput;
  } else {
    log(`parapet: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = EXIT.internal;
  }
}
