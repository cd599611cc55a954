import { z } from "zod";
import { parseSnowflake } from "@/lib/snowflake";

function toSnowflake(value: string | number, context: z.RefinementCtx): bigint {
  const id = parseSnowflake(value);
  if (id === null) {
    context.addIssue({
      code: "custom",
      message: "Not a valid snowflake id",
      params: { code: "INVALID_SNOWFLAKE" },
    });
    return z.NEVER;
  }
  return id;
}

/** An inbound snowflake: a decimal string, or a number while it is a safe integer (larger ones lost digits on the
 * client already), parsed to bigint. */
export const snowflakeSchema = z.union([z.string(), z.number()]).transform(toSnowflake);

/** A snowflake in a query string (always text there). */
export const snowflakeQuerySchema = z.string().transform(toSnowflake);
