import type { Link } from '../../../model/core/index.js';
import { parseResourceAddress } from '../plan/address.js';

/**
 * The Terraform resource type an estate key names (`infra::module.net.aws_internet_gateway.gw` →
 * `aws_internet_gateway`), for links that resolved to a key: the type says what kind of target it is.
 */
export function typeOfKey(key: string): string | undefined {
  const i = key.lastIndexOf('::');
  if (i < 0) return undefined;
  return parseResourceAddress(key.slice(i + 2))?.type;
}

/** The Terraform type a link points at, when the link is an estate key. */
export function linkedType(link: Link): string | undefined {
  return link.known ? typeOfKey(link.value) : undefined;
}
