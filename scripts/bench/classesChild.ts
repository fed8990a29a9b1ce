/**
 * The input classes (inputClasses.ts), run by scripts/bench.ts in a fresh node process from a bundle
 * made as the CLI's is (postal-mime with the in-memory Blob: Node's own Blob costs more than linear
 * time in the number of pieces a part is read in, which is neither what the CLI nor the pane runs).
 * Prints one JSON line.
 */
import { timeInputClasses } from './inputClasses';

timeInputClasses().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
