// Prints one plain closing line, `tests: N passed, N failed`, that CI logs can be read by. It is written
// at exit so that it comes after jest's own summary.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`
    const text = `\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`
    process.once('exit', () => process.stderr.write(text))
  }
}
module.exports = SummaryReporter
