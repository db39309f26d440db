/**
 * ARN helpers. An ARN has six colon-separated components; the sixth (resource) may itself contain colons.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** The six components, or undefined when the text is not an ARN. */
export function splitArn(text: string): [string, string, string, string, string, string] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < 5; k++) {
    const at = text.indexOf(':', from);
    if (at < 0) return undefined;
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts as [string, string, string, string, string, string];
}

export function parseArn(text: string): Arn | undefined {
  const p = splitArn(text);
  if (p === undefined || p[0] !== 'arn' || p[1] === '' || p[2] === '') return undefined;
  return { partition: p[1], service: p[2], region: p[3], account: p[4], resource: p[5] };
}

const ACCOUNT_ID_LENGTH = 12;

export function isAccountId(text: string): boolean {
  if (text.length !== ACCOUNT_ID_LENGTH) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function accountRootArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:root`;
}

/** The account an ARN names, when it names one (S3 bucket ARNs do not). Scans colons without splitting. */
export function arnAccount(text: string): string | undefined {
  if (!text.startsWith('arn:')) return undefined;
  let from = 4;
  for (let k = 0; k < 3; k++) {
    const at = text.indexOf(':', from);
    if (at < 0) return undefined;
    from = at + 1;
  }
  const end = text.indexOf(':', from);
  if (end < 0) return undefined;
  const account = text.slice(from, end);
  return isAccountId(account) ? account : undefined;
}

export function arnPartition(text: string): string {
  return parseArn(text)?.partition ?? 'aws';
}
