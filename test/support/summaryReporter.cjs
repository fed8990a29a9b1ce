// Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI can read, and
// fails the run when no test executed at all (an empty run must never look green).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (results.numTotalTests === 0) {
      process.stderr.write('tests: no test ran; failing the run.\n');
      process.exitCode = 1;
    }
  }
}
module.exports = SummaryReporter;
