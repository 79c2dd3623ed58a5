/**
 * Evaluates the small part of GitHub Actions' expression language our workflows use in
 * `if:` conditions (https://docs.github.com/actions/learn-github-actions/expressions):
 * context values (`vars.NAME`, `needs.job.result`), string literals, `==`, `!=`, `!`,
 * `&&`, `||`, parentheses, and the status functions `always()`, `cancelled()`,
 * `success()`. Like GitHub, `==` compares strings case-insensitively, an unset value is
 * '', and `&&` / `||` return one of their operands. Anything else throws, so a workflow
 * that starts using more of the language fails its test instead of passing untested.
 */
export interface ExpressionContext {
  values: Record<string, string>;
  /** Whether the run was cancelled (for cancelled() and success()). */
  cancelled?: boolean;
  /** Whether every needed job succeeded (for success(), the default condition). */
  needsSucceeded?: boolean;
}

type Value = string | boolean;

export function evaluateCondition(expression: string, context: ExpressionContext): boolean {
  const source = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const tokens = source.match(/\s*('(?:[^']|'')*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*\(\)|[A-Za-z_][\w.-]*)/gy)?.map((t) => t.trim());
  if (!tokens || tokens.join("").length !== source.replace(/\s+/g, "").length) throw new Error(`cannot read the expression: ${expression}`);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];

  const truthy = (v: Value) => (typeof v === "boolean" ? v : v !== "");
  function primary(): Value {
    const t = next();
    if (t === undefined) throw new Error(`expression ends early: ${expression}`);
    if (t === "(") {
      const v = or();
      if (next() !== ")") throw new Error(`unbalanced parentheses: ${expression}`);
      return v;
    }
    if (t === "!") return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === "always()") return true;
    if (t === "cancelled()") return Boolean(context.cancelled);
    if (t === "success()") return !context.cancelled && context.needsSucceeded !== false;
    if (t.endsWith("()")) throw new Error(`unsupported function ${t} in ${expression}`);
    return context.values[t] ?? "";
  }
  function comparison(): Value {
    let left = primary();
    while (peek() === "==" || peek() === "!=") {
      const op = next();
      const right = primary();
      const same = String(left).toLowerCase() === String(right).toLowerCase();
      left = op === "==" ? same : !same;
    }
    return left;
  }
  function and(): Value {
    let left = comparison();
    while (peek() === "&&") {
      next();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  function or(): Value {
    let left = and();
    while (peek() === "||") {
      next();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  const result = or();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in ${expression}`);
  return truthy(result);
}

/** Whether a job runs: its `if:` (default `success()`) in this context. */
export function jobRuns(condition: string | undefined, context: ExpressionContext): boolean {
  return evaluateCondition(condition ?? "success()", context);
}
