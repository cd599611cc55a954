// The one error vocabulary of the API: code → HTTP status and default message.
// Handlers throw `new ApiError(code)`; the route wrapper turns it into the Fluxer envelope; tests build
// expected bodies from this same table.

export const ERROR_CODES = {
  INVALID_FORM_BODY: { status: 400, message: "Invalid Form Body" },
  MAX_INVITES: { status: 400, message: "Maximum number of invites reached (1000)" },
  MAX_GUILDS: { status: 400, message: "Maximum number of guilds reached (100)" },
  MAX_GROUP_DM_RECIPIENTS: { status: 400, message: "Maximum number of group DM recipients reached (10)" },
  UNAUTHORIZED: { status: 401, message: "401: Unauthorized" },
  ACCESS_DENIED: { status: 403, message: "Access denied" },
  MISSING_PERMISSIONS: { status: 403, message: "Missing Permissions" },
  MISSING_ACCESS: { status: 403, message: "Missing Access" },
  USER_BANNED_FROM_GUILD: { status: 403, message: "You are banned from this guild" },
  INVITES_DISABLED: { status: 403, message: "Invites are currently paused for this guild" },
  VANITY_URL_REQUIRES_FEATURE: { status: 403, message: "This guild does not have the VANITY_URL feature" },
  INVALID_ORIGIN: { status: 403, message: "Request origin is not allowed" },
  BOT_IS_PRIVATE: { status: 403, message: "This bot is private" },
  REGISTRATION_CLOSED: { status: 403, message: "Registration is closed on this instance" },
  NOT_FOUND: { status: 404, message: "404: Not Found" },
  UNKNOWN_INVITE: { status: 404, message: "Unknown Invite" },
  UNKNOWN_GUILD: { status: 404, message: "Unknown Guild" },
  UNKNOWN_CHANNEL: { status: 404, message: "Unknown Channel" },
  UNKNOWN_USER: { status: 404, message: "Unknown User" },
  UNKNOWN_MEMBER: { status: 404, message: "Unknown Member" },
  UNKNOWN_ROLE: { status: 404, message: "Unknown Role" },
  UNKNOWN_BAN: { status: 404, message: "Unknown Ban" },
  METHOD_NOT_ALLOWED: { status: 405, message: "405: Method Not Allowed" },
  EMAIL_ALREADY_REGISTERED: { status: 409, message: "Email is already registered" },
  VANITY_URL_CODE_ALREADY_TAKEN: { status: 409, message: "Vanity URL code is already taken" },
  CONFLICT: { status: 409, message: "The resource was changed by another request; retry" },
  INVITE_VERSION_MISMATCH: {
    status: 409,
    message: "The invite was changed since you read it; the current invite is in `invite`",
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: "Request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Request body must be application/json" },
  RATE_LIMITED: { status: 429, message: "You are being rate limited." },
  INTERNAL_SERVER_ERROR: { status: 500, message: "Internal Server Error" },
  SERVICE_UNAVAILABLE: { status: 503, message: "Service temporarily unavailable" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { path: string; code: string; message: string };

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  retry_after?: number;
  global?: boolean;
};

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      errors?: FieldError[];
      headers?: Record<string, string>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.extra ?? {}),
    };
  }
}

/** A 400 INVALID_FORM_BODY naming one field. */
export function invalidField(path: string, code: string, message: string): ApiError {
  return new ApiError("INVALID_FORM_BODY", { errors: [{ path, code, message }] });
}
