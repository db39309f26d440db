/**
 * What checks may ask the network reachability engine about the estate (`ctx.services.network`). Built once per scan
 * by src/scan/services/network.ts from every format's model (templates, plans, CLI exports) and memoised. Answers are
 * three-valued: `unknown` where the inputs cannot tell (a CIDR from a variable, a route table not exported).
 */
import type { Provenance } from '../../../model/core/index.js';
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
  shadowedNsgRules(): readonly ShadowedRule[];
  redundantSgRules(): readonly RedundantRule[];
  directionMismatches(): readonly DirectionMismatch[];
  groupSuggestions(): readonly GroupSuggestion[];
  /** Where a rule the engine names is written. */
  ruleAt(ref: RuleRef): Provenance | undefined;
  /** The estate key of the instance or VM an engine interface id belongs to, or of the interface resource itself. */
  ownerOf(interfaceId: string): string;
  /** The resource address users know for an engine id (interface, group, NSG, table); the id itself otherwise. */
  display(id: string): string;
}
