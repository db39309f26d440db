/**
 * Shared, memoised questions checks may ask about the estate, built once per scan by src/scan/. Each engine adds one
 * field here with its interface from ./services/<engine>.ts. Fields are optional so a check can say "unknown" when a
 * service is not available for the inputs at hand.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EstateServices {}
