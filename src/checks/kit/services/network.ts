/**
 * What checks may ask the network reachability engine about the estate (`ctx.services.network`). Built once per scan
 * by src/scan/services/network.ts from every format's model (templates, plans, CLI exports) and memoised. Answers are
 * three-valued: `unknown` where the inputs cannot tell (a CIDR from a variable, a route table not exported).
 */
import type { Provenance } from '../../../model/core/index.js';
import type { AzureSubnet, RdsInstance } from '../../../model/index.js';
import type {
  DirectionMismatch, EndpointError, ExposureRow, GroupSuggestion, NetworkDiagnostic, PathStep, ReachQuery, ReachResult, RedundantRule,
  RuleReach, RuleReachRow, RuleRef, ShadowedRule, TrafficFocus,
} from '../../../engines/network/index.js';

export type {
  DirectionMismatch, EndpointError, ExposureRow, GroupSuggestion, NetworkDiagnostic, PathStep, ReachQuery, ReachResult, RedundantRule,
  RuleReach, RuleReachRow, RuleRef, ShadowedRule, TrafficFocus,
};

/** An exposure row tied back to the estate. */
export interface NetworkRow extends ExposureRow {
  /** Estate keys of the interface's resource and the instance or VM it belongs to. */
  readonly resourceKeys: readonly string[];
  /** Where the first rule that lets the traffic through is written (the finding's location), when known. */
  readonly ruleAt?: Provenance;
}

export interface NetworkService {
  readonly diagnostics: readonly NetworkDiagnostic[];
  /** Engine interface ids owned by a resource (an instance's ENIs, a VM's NICs, the ENI or NIC itself). */
  interfacesOf(resourceKey: string): readonly string[];
  /**
   * Internet → resource, per protocol and port range: `reachable` and `unknown` rows, and `blocked` rows where a
   * security group or NSG rule lets the internet in but no path exists (no public IP, no route, an ACL or the other
   * NSG denies), with what blocks it.
   */
  inboundOf(resourceKey: string): readonly NetworkRow[];
  /** Resource → internet, in the same shape (`from` holds the destinations). */
  egressOf(resourceKey: string): readonly NetworkRow[];
  /** Every interface reachable from the internet (reachable and unknown rows). */
  exposure(): readonly NetworkRow[];
  reach(q: ReachQuery): ReachResult | EndpointError;
  /**
   * What one rule lets through from the internet (or to it, for egress and outbound rules) on each interface it
   * applies to, restricted to `focus`: a security group rule as `{kind: 'security-group', id: <group key>, rule:
   * 'ingress[i]' | 'egress[i]'}` (i: its index in the model's list), an NSG rule as `{kind: 'nsg', id: <NSG key>,
   * rule: <name>}` (`rules[i]` when the name is unknown; the default rules by their names). Memoised.
   */
  ruleReach(rule: RuleRef, focus: readonly TrafficFocus[]): RuleReach;
  /** Shadowed NSG rules: all of them, or those of one NSG (`nsg`: as the answers name it). Computed once, indexed. */
  shadowedNsgRules(nsg?: string): readonly ShadowedRule[];
  /** Redundant security group rules: all of them, or those of one group (its key). Computed once, indexed. */
  redundantSgRules(group?: string): readonly RedundantRule[];
  /** NSG rules whose direction contradicts their name or addresses: all, or those of one NSG. Computed once, indexed. */
  directionMismatches(nsg?: string): readonly DirectionMismatch[];
  /** Rules listing host addresses where a group or ASG would do: all, or those of one group or NSG. Computed once, indexed. */
  groupSuggestions(container?: string): readonly GroupSuggestion[];
  /**
   * RDS instances whose VPC security groups include the group (key), in estate order: the engine does not place them,
   * so the rule-level checks judge them by their public accessibility. Indexed once.
   */
  databasesUsing(groupKey: string): readonly RdsInstance[];
  /** Subnets whose NSG is the NSG (key), in estate order. Indexed once. */
  subnetsUsing(nsgKey: string): readonly AzureSubnet[];
  /**
   * How messages name what an engine interface belongs to: ``instance `web` ``, ``VM `app-vm` ``, ``NIC `db-nic` ``, or
   * the interface's address when the estate holds no owner. Memoised: the same interfaces appear in many findings.
   */
  subject(interfaceId: string): string;
  /**
   * The subjects of interfaces as one list (`a, b, c and 997 more`), memoised per list the service handed out: a
   * rule's `maybeInterfaces` is one shared list for every group of a VPC (every NSG) with the same candidates.
   */
  subjectList(interfaceIds: readonly string[]): string;
  /** Where a rule the engine names is written. */
  ruleAt(ref: RuleRef): Provenance | undefined;
  /** The estate key of the instance or VM an engine interface id belongs to, or of the interface resource itself. */
  ownerOf(interfaceId: string): string;
  /** The resource address users know for an engine id (interface, group, NSG, table); the id itself otherwise. */
  display(id: string): string;
}
