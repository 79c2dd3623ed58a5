/**
 * The test file Stryker runs for a module that no unit test imports: it passes and loads
 * nothing, so Stryker still plants and counts the module's mutants, every one reported
 * as NoCoverage (survived, for the score) instead of the module being left out.
 */
import { test } from "node:test";

test("no unit test imports this module", () => {});
