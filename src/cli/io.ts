import { writeFileSync } from 'node:fs';
import { InvalidArgumentError } from '@commander-js/extra-typings';

/** Colour only on a terminal, honouring NO_COLOR and FORCE_COLOR, unless --color/--no-color says otherwise. */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** Results go to stdout (or --output); everything else goes to stderr. */
export function emit(text: string, output: string | undefined): void {
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Parsers for options; they throw commander's InvalidArgumentError so users see a one-line message, not a trace. */
export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    const v = value.toLowerCase() as T;
    if (!allowed.includes(v)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return v;
  };
}

export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function collectKeyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected KEY=VALUE, got \`${value}\``);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

export function positiveSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 25MB');
  const unit = (m[2] ?? 'mb').toLowerCase();
  const mult = unit === 'b' ? 1 : unit === 'kb' ? 1024 : unit === 'mb' ? 1024 ** 2 : 1024 ** 3;
  return Math.round(Number(m[1]) * mult);
}
