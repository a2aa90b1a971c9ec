// A minimal step runner: every check is named, failures are collected, the summary line is last.

export function createChecks() {
  let passed = 0;
  const failures = [];

  async function check(name, fn) {
    try {
      await fn();
      passed += 1;
      console.log(`  ok   ${name}`);
      return true;
    } catch (err) {
      failures.push({ name, err });
      console.log(`  FAIL ${name}\n       ${String(err?.message ?? err).split('\n').join('\n       ')}`);
      return false;
    }
  }

  return {
    check,
    get failed() {
      return failures.length;
    },
    summary: () => `${passed} passed, ${failures.length} failed`,
  };
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
