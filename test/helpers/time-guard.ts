/**
 * A test's time guard: the bound that tells a hang or a quadratic scan from normal work
 * (not a benchmark; speed targets live in `npm run bench`). Under mutation testing the
 * code runs with Stryker's coverage counters in every branch, several times slower, so
 * the bound is stretched there; Stryker's own timeout still catches a mutant that hangs.
 */
const UNDER_MUTATION_TESTING = process.env.STRYKER_NAMESPACE !== undefined || process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined;

export function timeGuard(ms: number): number {
  return UNDER_MUTATION_TESTING ? ms * 10 : ms;
}
