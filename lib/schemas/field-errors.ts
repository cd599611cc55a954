import type { FieldError } from "@/lib/errors";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

function issueCode(issue: Issue): string {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "number" || issue.origin === "bigint"
        ? "NUMBER_TOO_LARGE"
        : issue.origin === "array"
          ? "ARRAY_TOO_LONG"
          : "STRING_TOO_LONG";
    case "too_small":
      return issue.origin === "number" || issue.origin === "bigint"
        ? "NUMBER_TOO_SMALL"
        : issue.origin === "array"
          ? "ARRAY_TOO_SHORT"
          : "STRING_TOO_SHORT";
    case "invalid_type":
      return issue.input === undefined ? "BASE_TYPE_REQUIRED" : "INVALID_TYPE";
    case "invalid_format":
      return issue.format === "email" ? "EMAIL_INVALID" : "INVALID_FORMAT";
    case "unrecognized_keys":
      return "UNKNOWN_FIELD";
    case "invalid_value":
      return "INVALID_VALUE";
    case "custom":
      return (issue.params?.code as string | undefined) ?? "INVALID_VALUE";
    default:
      return "INVALID_VALUE";
  }
}

/**
 * Maps zod issues to the API's field errors: dotted path, stable UPPER_SNAKE code, a readable message. Keys a
 * strict object refuses are one error each, at the key's own path, so a client learns which field to drop.
 */
export function zodIssuesToFieldErrors(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...path, key].join("."),
        code: "UNKNOWN_FIELD",
        message: `Unknown field: ${key}`,
      }));
    }
    return [{ path: path.join("."), code: issueCode(issue), message: issue.message }];
  });
}
