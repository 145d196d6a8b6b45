import { describe, expect, test } from "vitest";
import * as z from "zod";
import { MatrixError, resolveOptions } from "../../src/errors/matrix-error.js";

const Options = z.object({ lang: z.enum(["en", "fr", "es"]).default("en"), words: z.int().positive().default(10700) });

describe("resolveOptions", () => {
  test("fills defaults once", () => {
    expect(resolveOptions(Options, undefined, "f")).toEqual({ lang: "en", words: 10700 });
  });
  test("a bad option is one MatrixError naming each field", () => {
    let caught: unknown;
    try {
      resolveOptions(Options, { lang: "de", words: -1 }, "buildReport");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MatrixError);
    const err = caught as MatrixError;
    expect(err.code).toBe("invalid-options");
    expect(err.message).toMatch(/^buildReport: invalid options: lang: .*; words: /);
  });
});
