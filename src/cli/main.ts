#!/usr/bin/env node
// The upr-matrix executable: the process around run().
import { run } from "./run.js";

// A reader that stops early (`| head`) closes stdout: stop quietly, never with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2));
