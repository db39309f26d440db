import type { Link } from '../../../model/core/index.js';
import { unknown } from '../../../model/core/index.js';
import { parseResourceAddress } from '../plan/address.js';
import type { Tf } from './context.js';

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

/**
 * The VPC of an adopted default resource (`aws_default_network_acl`, `aws_default_route_table`): `vpc_id` once known;
 * before that, `default_network_acl_id = aws_vpc.main.default_network_acl_id` derives from exactly one VPC, whose
 * estate key is the link.
 */
export function vpcOfDefault(tf: Tf, idField: string): Link {
  const vpcId = tf.field('vpc_id');
  if (vpcId?.t === 'string' && vpcId.v !== '') return tf.link('vpc_id');
  const via = tf.link(idField);
  return via.known && linkedType(via) !== undefined ? via : unknown(tf.at, 'the VPC of this default resource is known after apply');
}
