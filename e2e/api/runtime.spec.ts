// Everything the suite starts runs on the Node.js the project pins (.nvmrc, installed into node_modules by
// `npm install`), not on an older system `node` that happens to be first in the PATH.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { executableVersion, listeningPid, pinnedNodeVersion } from "../support/processes";

test("the test runner, the test proxy and every app server run on the pinned Node.js", async ({
  baseURL,
}) => {
  const pinned = pinnedNodeVersion();
  expect(pinned).toMatch(/^v24\.\d+\.\d+$/);
  expect(process.version, "the Playwright worker").toBe(pinned);
  const proxyPort = Number(new URL(baseURL!).port);
  const instances = Number(process.env.TEST_INSTANCES ?? 1);
  const ports = [proxyPort, ...Array.from({ length: instances }, (_, i) => proxyPort + 100 * (i + 1))];
  for (const port of ports) {
    const pid = listeningPid(port);
    expect(pid, `a process listening on port ${port}`).not.toBeNull();
    expect(executableVersion(pid!), `the server on port ${port}`).toBe(pinned);
  }
});

test("package.json pins the same Node.js as .nvmrc, and its engines range takes it", () => {
  const pinned = pinnedNodeVersion().slice(1);
  const manifest = JSON.parse(readFileSync("package.json", "utf8"));
  expect(manifest.devDependencies.node, "the node dev dependency").toBe(pinned);
  expect(manifest.allowScripts.node, "allowed to fetch its binary").toBe(true);
  const range = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.node);
  expect(range, `engines.node ${manifest.engines.node}`).not.toBeNull();
  const [major, minor, patch] = pinned.split(".").map(Number);
  const [, wantMajor, wantMinor, wantPatch] = range!.map(Number);
  expect(major).toBe(wantMajor);
  expect(minor! * 1000 + patch!).toBeGreaterThanOrEqual(wantMinor! * 1000 + wantPatch!);
});
