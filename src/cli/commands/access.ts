import { Command, Option } from '@commander-js/extra-typings';
import { azureAccess, azureCan, azureWhoCan } from '../../scan/queries/azure-access.js';
import type { ContextArgs, GrantJson } from '../../scan/queries/azure-access.js';
import { emit, log } from '../io.js';
import { finishQuery, loadQueryInputs, refuseQuery } from './query-inputs.js';

/** The engine's remarks on the inputs (an unknown role, a scope that does not parse, a group cycle), on stderr. */
function remarks(diagnostics: readonly { readonly message: string; readonly at?: { readonly file: string; readonly line: number; readonly column: number } }[], quiet: boolean | undefined): void {
  if (quiet) return;
  for (const d of diagnostics) log(`parapet: ${d.at ? `${d.at.file}:${d.at.line}:${d.at.column}: ` : ''}warning: ${d.message}`);
}

function grantLine(g: GrantJson): string {
  const via = g.through.length > 0 ? ` via ${g.through.map((x) => `\`${x}\``).join(' → ')}` : '';
  const cond = g.condition ? ` (condition: ${g.condition})` : '';
  const where = g.file ? `  ${g.file}:${g.line}:${g.column}` : '';
  return `${g.roleName ?? g.roleId} at ${g.scope}${via}${g.origin === 'standing' ? '' : ` [${g.origin}]`}${cond}${where}`;
}

interface QueryOptions {
  readonly principal?: string;
  readonly action: string;
  readonly resource: string;
  readonly context: ContextArgs;
  readonly format: 'table' | 'json';
  readonly quiet?: boolean;
}

/** The Azure branch of `parapet can` (an action of the form `Microsoft.X/…`). */
export async function azureCanAction(paths: readonly string[], opts: QueryOptions & { readonly principal: string }): Promise<void> {
  const loaded = await loadQueryInputs(paths, opts.quiet);
  const out = azureCan(loaded.estate, opts.principal, opts.action, opts.resource, opts.context);
  if (!out.ok) return refuseQuery(out.error.message);
  remarks(out.diagnostics, opts.quiet);
  const r = out.result;
  if (opts.format === 'json') emit(`${JSON.stringify(r, null, 2)}\n`, undefined);
  else {
    const lines = [
      `${r.decision.toUpperCase()}  ${r.principal}  ${r.action}  ${r.resource}`, `  ${r.reason}`,
      ...r.grantedBy.map((g) => `  granted by ${grantLine(g)}`),
      ...r.deniedBy.map((d) => `  denied by ${d}`),
      ...(r.decision === 'unknown' ? r.unknowns.slice(1).map((u) => `  also: ${u}`) : []),
    ];
    emit(`${lines.join('\n')}\n`, undefined);
  }
  finishQuery(loaded);
}

/** The Azure branch of `parapet who-can`. */
export async function azureWhoCanAction(paths: readonly string[], opts: QueryOptions): Promise<void> {
  const loaded = await loadQueryInputs(paths, opts.quiet);
  const out = azureWhoCan(loaded.estate, opts.action, opts.resource, opts.context);
  if (!out.ok) return refuseQuery(out.error.message);
  remarks(out.diagnostics, opts.quiet);
  const r = out.result;
  if (opts.format === 'json') emit(`${JSON.stringify(r, null, 2)}\n`, undefined);
  else {
    const rows = r.principals.map((p) => [
      `${p.decision === 'allowed' ? 'yes    ' : 'maybe  '} ${p.name ?? p.id}  ${p.id}${p.type ? ` (${p.type})` : ''}`,
      ...p.via.map((g) => `         ${grantLine(g)}`),
    ].join('\n'));
    const denied = r.denied.map((d) => `denied   ${d.id}  by ${d.deniedBy.join(', ')}`);
    const notes = r.unknowns.map((u) => `note     ${u}`);
    emit(`${[...rows, ...denied, ...notes].join('\n')}${rows.length + denied.length + notes.length > 0 ? '\n' : ''}${r.principals.length} principals\n`, undefined);
  }
  finishQuery(loaded);
}

export function accessCommand() {
  return new Command('access')
    .description('every scope where an Azure principal holds a role (directly or through groups), with what applies there')
    .argument('<paths...>', 'files or folders: Azure RBAC exports, ARM templates, Terraform')
    .requiredOption('--principal <principal>', 'object id, UPN or display name')
    .option('--at <time>', 'evaluate PIM schedules at this ISO 8601 time (default: now)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table' as const))
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (paths, opts) => {
      if (opts.at !== undefined && Number.isNaN(Date.parse(opts.at))) return refuseQuery(`--at \`${opts.at}\` is not an ISO 8601 date-time`);
      const loaded = await loadQueryInputs(paths, opts.quiet);
      const out = azureAccess(loaded.estate, opts.principal, opts.at);
      if (!out.ok) return refuseQuery(out.error.message);
      remarks(out.diagnostics, opts.quiet);
      const r = out.result;
      if (opts.format === 'json') emit(`${JSON.stringify(r, null, 2)}\n`, undefined);
      else {
        const lines: string[] = [`${r.principal.name ?? r.principal.id}  ${r.principal.id}${r.principal.type ? ` (${r.principal.type})` : ''}`];
        if (r.groups.length > 0) lines.push(`  member of ${r.groups.join(', ')}`);
        for (const s of r.scopes) {
          lines.push('', `${s.scope}  (${s.kind})`);
          for (const g of s.grants) {
            const role = r.roles[g.roleId];
            const via = g.through.length > 0 ? ` via ${g.through.join(' → ')}` : '';
            const state = g.origin === 'standing' ? '' : ` [${g.origin}${g.active ? '' : ', not active now'}]`;
            const perms = role ? role.permissions.map((p) => [
              p.actions.length > 0 ? `actions ${p.actions.join(' ')}` : '', p.notActions.length > 0 ? `not ${p.notActions.join(' ')}` : '',
              p.dataActions.length > 0 ? `data ${p.dataActions.join(' ')}` : '', p.notDataActions.length > 0 ? `not data ${p.notDataActions.join(' ')}` : '',
            ].filter(Boolean).join('; ')).join(' | ') : 'permissions unknown';
            lines.push(`  ${g.roleName ?? g.roleId}${via}${state}${g.conditionText ? ' (with a condition)' : ''}`, `      ${perms}`);
          }
          if (s.inheritsFrom.length > 0) lines.push(`  also inherits from ${s.inheritsFrom.join(', ')}`);
        }
        if (r.eligible.length > 0) {
          lines.push('', 'eligible (PIM, nothing until activated):');
          for (const e of r.eligible) lines.push(`  ${e.roleName ?? e.roleId} at ${e.scope}${e.through.length > 0 ? ` via ${e.through.join(' → ')}` : ''}${e.endDateTime ? ` until ${e.endDateTime}` : ' (permanent)'}`);
        }
        if (r.denies.length > 0) {
          lines.push('', 'deny assignments that reach this principal:');
          for (const d of r.denies) lines.push(`  ${d.name ?? d.id} at ${d.scope}${d.doNotApplyToChildScopes ? ' (that scope only)' : ''}`);
        }
        for (const u of r.unknowns) lines.push(`note: ${u}`);
        emit(`${lines.join('\n')}\n`, undefined);
      }
      finishQuery(loaded);
    });
}
