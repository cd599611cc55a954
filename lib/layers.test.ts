// The layers run one way: app/ → components/ and server/ → lib/. This walks the source and fails on any
// import against that direction, printing each offending line, so nobody has to remember the rule:
// - components/ and lib/ never import server/ (not even a type: view shapes live in lib/<feature>/);
// - lib/ never imports app/ or components/ (it is the bottom layer, safe in the browser and in tests);
// - server/ never imports components/ or app/, and holds no .tsx: it renders nothing, React lives above it;
// - a client component ("use client") never imports server/ (that code would be sent to the browser);
// - lib/ (tests aside) never imports a Node.js built-in (`node:crypto`, `fs`, ...): it runs in the browser too.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "..");
const LAYERS = ["app", "components", "lib", "server"] as const;
type Layer = (typeof LAYERS)[number];
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === "node_modules" || name === "generated" ? [] : sourceFiles(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

/** The layer a specifier points into (`@/server/...` or a relative path), or null for packages and other folders. */
function targetLayer(specifier: string, fromFile: string): Layer | null {
  let target: string;
  if (specifier.startsWith("@/")) target = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) target = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const top = path.relative(ROOT, target).split(path.sep)[0];
  return (LAYERS as readonly string[]).includes(top ?? "") ? (top as Layer) : null;
}

/** A "use client" directive before any statement (comments may come first). */
function isClientModule(text: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(text);
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!);
}

type Violation = { file: string; line: number; text: string; rule: string };

function violations(): Violation[] {
  const found: Violation[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(path.join(ROOT, layer))) {
      const text = readFileSync(file, "utf8");
      const isClient = isClientModule(text);
      const lines = text.split("\n");
      // The compiler's own scanner: import/export ... from, import(), require(); comments and strings are not imports.
      for (const { fileName, pos } of ts.preProcessFile(text, true, true).importedFiles) {
        if (layer === "lib" && !/\.test\.tsx?$/.test(file) && isNodeBuiltin(fileName)) {
          const line = text.slice(0, pos).split("\n").length;
          found.push({
            file: path.relative(ROOT, file),
            line,
            text: lines[line - 1]!.trim(),
            rule: "lib/ must not import a Node.js built-in",
          });
          continue;
        }
        const to = targetLayer(fileName, file);
        if (!to) continue;
        let rule: string | null = null;
        if ((layer === "components" || layer === "lib") && to === "server")
          rule = `${layer}/ must not import server/`;
        else if (layer === "lib" && (to === "app" || to === "components"))
          rule = `lib/ must not import ${to}/`;
        else if (layer === "server" && (to === "components" || to === "app"))
          rule = `server/ must not import ${to}/ (it renders nothing)`;
        else if (isClient && to === "server") rule = "a client component must not import server/";
        if (!rule) continue;
        const line = text.slice(0, pos).split("\n").length;
        found.push({ file: path.relative(ROOT, file), line, text: lines[line - 1]!.trim(), rule });
      }
    }
  }
  return found;
}

describe("layers", () => {
  it("import only downwards: app → components, server → lib; client components never import server", () => {
    const found = violations();
    const report = found.map((v) => `  ${v.file}:${v.line}: ${v.text}\n    (${v.rule})`).join("\n");
    assert.equal(found.length, 0, `imports against the layers:\n${report}`);
  });

  it("keep React out of server/: no .tsx file there", () => {
    const tsx = sourceFiles(path.join(ROOT, "server"))
      .filter((file) => file.endsWith(".tsx"))
      .map((file) => path.relative(ROOT, file));
    assert.deepEqual(tsx, [], "server/ renders nothing: move these to app/ or components/");
  });

  it("recognise what they check", () => {
    assert.equal(targetLayer("@/server/db", path.join(ROOT, "lib/x.ts")), "server");
    assert.equal(targetLayer("../../server/db", path.join(ROOT, "components/a/b.tsx")), "server");
    assert.equal(targetLayer("./format", path.join(ROOT, "lib/guild-settings/x.ts")), "lib");
    assert.equal(targetLayer("react", path.join(ROOT, "lib/x.ts")), null);
    assert.equal(isNodeBuiltin("node:crypto"), true);
    assert.equal(isNodeBuiltin("fs/promises"), true);
    assert.equal(isNodeBuiltin("zod"), false);
    assert.equal(isClientModule('// A form.\n"use client";\nimport x from "y";'), true);
    assert.equal(isClientModule('import x from "y";\n"use client";'), false);
  });
});
