// docs/api.md's quick start, run as written: the test takes the shell block under "## Quick start", runs it
// with bash against the test server, and compares what each step prints with the output the page shows
// under it (`…` stands for anything: ids, codes, tokens). When the API and the page drift apart, this fails.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER, randomIp } from "../fixtures";

type Step = { commands: string[]; expected: string[] };

/** The ```sh block of the "## Quick start" section, cut into steps at blank lines. */
function quickStart(): { script: string; steps: Step[] } {
  const page = readFileSync("docs/api.md", "utf8");
  const section = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(page)?.[1];
  expect(section, "docs/api.md has a Quick start section").toBeTruthy();
  const script = /```sh\n([\s\S]*?)```/.exec(section!)?.[1];
  expect(script, "the Quick start has a shell block").toBeTruthy();
  const steps = script!
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const lines = paragraph.split("\n");
      // A step: prose comments, the commands, then the output it prints as comments.
      let end = lines.length;
      while (end > 0 && lines[end - 1]!.startsWith("# ")) end -= 1;
      let start = 0;
      while (start < end && lines[start]!.startsWith("#")) start += 1;
      return { commands: lines.slice(start, end), expected: lines.slice(end).map((line) => line.slice(2)) };
    });
  return { script: script!, steps };
}

function pattern(expected: string): RegExp {
  const escaped = expected.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".+")}$`);
}

test("the quick start in docs/api.md runs as written against a live server", async ({ baseURL }) => {
  const { steps } = quickStart();
  expect(
    steps.filter((step) => step.expected.length > 0).length,
    "steps that show their output",
  ).toBeGreaterThanOrEqual(6);
  const marker = "@@quick-start-step";
  // Every curl of the block comes from one simulated client address (the test proxy's header), so the
  // per-address limits of this test touch no other test.
  const prelude = [
    "set -euo pipefail",
    `curl() { command curl -H "${CLIENT_ADDRESS_HEADER}: ${randomIp()}" "$@"; }`,
  ];
  const body = steps.flatMap((step, i) => [...step.commands, `echo ${marker} ${i}`]);
  const run = spawnSync("bash", ["-c", [...prelude, ...body].join("\n")], {
    env: { ...process.env, APP_URL: baseURL! },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status, `bash exited ${run.status}\n${run.stderr}\n${run.stdout}`).toBe(0);
  const outputs = run.stdout.split(new RegExp(`^${marker} \\d+\\n`, "m")).slice(0, steps.length);
  expect(outputs.length).toBe(steps.length);
  for (const [i, step] of steps.entries()) {
    const printed = outputs[i]!.split("\n").filter((line) => line !== "");
    expect(
      printed.length,
      `step ${i + 1} (${step.commands[0]}) prints ${step.expected.length} lines:\n${outputs[i]}`,
    ).toBe(step.expected.length);
    for (const [j, line] of step.expected.entries()) {
      expect(printed[j], `step ${i + 1}, line ${j + 1}`).toMatch(pattern(line));
    }
  }
});
