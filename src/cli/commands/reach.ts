import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { reachQuery } from '../../scan/queries/reach.js';
import { emit, log } from '../io.js';
import { finishQuery, loadQueryInputs, refuseQuery } from './query-inputs.js';

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port (or ICMP type) from 0 to 65535');
  return n;
}

export function reachCommand() {
  return new Command('reach')
    .description('can traffic from SRC reach DST on a port? The path, what blocks it, and why (AWS and Azure network rules)')
    .argument('<paths...>', 'files or folders: Terraform, CloudFormation, ARM, AWS/Azure CLI exports')
    .requiredOption('--from <src>', '`internet`, an IP or CIDR, or a resource (address, instance/ENI id, VM or NIC name or id)')
    .requiredOption('--to <dst>', 'same forms as --from')
    .requiredOption('--port <n>', 'destination port; for ICMP, the ICMP type', port)
    .addOption(new Option('--protocol <protocol>', 'IP protocol').choices(['tcp', 'udp', 'icmp', 'any'] as const).default('tcp' as const))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (paths, opts) => {
      const loaded = await loadQueryInputs(paths, opts.quiet);
      const out = reachQuery(loaded.estate, { from: opts.from, to: opts.to, port: opts.port, protocol: opts.protocol });
      for (const n of out.notes) log(`parapet: ${n}`);
      if (!out.ok) return refuseQuery(out.error.message);
      const r = out.result;
      if (opts.format === 'json') emit(`${JSON.stringify(r, null, 2)}\n`, undefined);
      else {
        const mark = { allow: 'ok  ', deny: 'DENY', unknown: '??  ' } as const;
        const lines = [
          `${r.verdict.toUpperCase()}: ${opts.from} → ${opts.to} ${opts.protocol}/${opts.port}`,
          ...r.path.map((s) => `  ${mark[s.decision]} ${s.kind} ${s.id}${s.rule ? ` (${s.rule})` : ''}${s.note ? ` — ${s.note}` : ''}`),
          ...r.reasons.map((x) => `  ${x}`),
        ];
        emit(`${lines.join('\n')}\n`, undefined);
      }
      finishQuery(loaded);
    });
}
