// Absolute links the settings pages print (the new invite's link) start with APP_URL.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { appUrl, inviteLink } from "./app-url";

describe("links", () => {
  it("start with APP_URL, never a hard-coded host", () => {
    const saved = process.env.APP_URL;
    process.env.APP_URL = "https://invites.example.org/";
    try {
      assert.equal(appUrl(), "https://invites.example.org");
      assert.equal(inviteLink("AbCd1234"), "https://invites.example.org/invite/AbCd1234");
    } finally {
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
    }
  });
});
