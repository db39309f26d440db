import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { TemplateParameter } from '../../../model/index.js';
import { readBool } from '../../common/read.js';
import { scalarText } from '../resolve.js';
import type { ParameterDecl } from '../template.js';
import type { AdaptContext } from './context.js';

/**
 * Each template parameter, kept because secrets are passed (or defaulted) through them. `NoEcho` hides the value.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
export function adaptParameter(p: ParameterDecl, ctx: AdaptContext): TemplateParameter {
  const d = p.default;
  let defaultValue: Attr<string | null>;
  if (d === undefined || d.t === 'null') defaultValue = defaulted(null, p.at);
  else {
    const text = scalarText(d);
    if (text !== undefined) defaultValue = known(text, d.at);
    else if (d.t === 'list') {
      const parts = d.items.map(scalarText);
      defaultValue = parts.every((x) => x !== undefined) ? known(parts.join(','), d.at) : unknown(d.at, 'the default is not a list of strings');
    } else defaultValue = unknown(d.at, 'the default is not a string');
  }
  return {
    kind: 'iac.parameter',
    key: `${ctx.file}#${p.name}`,
    aliases: [],
    native: { type: 'Parameter', name: p.name, address: `Parameters.${p.name}` },
    at: p.at,
    name: p.name,
    hidden: readBool(p.noEcho, p.at, false, 'NoEcho'),
    defaultValue,
  };
}
