// Word lists for the demo members' usernames: "swift_otter", "quiet.falcon42"... deterministic by index.

const ADJECTIVES = [
  "swift",
  "quiet",
  "brave",
  "lucky",
  "sunny",
  "misty",
  "cosmic",
  "pixel",
  "amber",
  "frosty",
  "mellow",
  "nimble",
  "rusty",
  "silver",
  "velvet",
  "witty",
  "zesty",
  "cozy",
  "bold",
  "neon",
];

const NOUNS = [
  "otter",
  "falcon",
  "maple",
  "comet",
  "panda",
  "river",
  "ember",
  "lynx",
  "harbor",
  "willow",
  "badger",
  "nova",
  "pine",
  "raven",
  "tiger",
  "koala",
  "orbit",
  "fern",
  "gecko",
  "meadow",
];

const SEPARATORS = ["_", ".", "", "-"];

/** The i-th demo username (2-32 chars of letters, digits, _ . -), varied enough to look real. */
export function demoUsername(index: number): string {
  const adjective = ADJECTIVES[index % ADJECTIVES.length]!;
  const noun = NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]!;
  const separator = SEPARATORS[index % SEPARATORS.length]!;
  const suffix =
    index >= ADJECTIVES.length * NOUNS.length
      ? String(index)
      : index % 7 === 0
        ? String(10 + (index % 90))
        : "";
  return `${adjective}${separator}${noun}${suffix}`;
}
