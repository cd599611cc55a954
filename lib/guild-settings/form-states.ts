// What the settings server actions answer: errors to show next to the fields (in words), the values to
// put back into the form, or the result to show (the new invite's link).

export type CreateInviteField = "channel" | "max_age" | "max_uses" | "reason" | "roles" | "targets";

export type CreateInviteValues = {
  channel: string;
  maxAge: number;
  maxUses: number;
  temporary: boolean;
  reason: string;
  /** Role ids ticked in the role picker. */
  roleIds: string[];
  /** "Only for specific people" is on. */
  targeted: boolean;
  /** The people, as typed: usernames, name#tag or user ids, one per line or separated by commas. */
  targets: string;
};

export type CreatedInvite = {
  code: string;
  url: string;
  /** The channel in words: "#general", "Lounge (voice)". */
  channel: string;
  maxAge: number;
  maxUses: number;
  temporary: boolean;
  expiresAt: string | null;
};

export type CreateInviteState =
  | { status: "idle" }
  | {
      status: "error";
      fieldErrors: Partial<Record<CreateInviteField, string>>;
      formError?: string;
      values: CreateInviteValues;
    }
  | { status: "created"; invite: CreatedInvite; values: CreateInviteValues };

export type CreateInviteAction = (state: CreateInviteState, formData: FormData) => Promise<CreateInviteState>;

/** Revoke redirects on success; it only comes back with an error. */
export type RevokeInviteState = { error?: string };
export type RevokeInviteAction = (state: RevokeInviteState, formData: FormData) => Promise<RevokeInviteState>;

export type PauseInvitesState = { error?: string };
export type PauseInvitesAction = (state: PauseInvitesState, formData: FormData) => Promise<PauseInvitesState>;

export type VanityFormState = {
  status: "idle" | "saved" | "cleared" | "error";
  /** What the field should show: the submitted text, or the saved code. */
  value?: string;
  error?: string;
};
export type VanityAction = (state: VanityFormState, formData: FormData) => Promise<VanityFormState>;

/** An invite's settings as the edit dialog shows them, and the version they were read at. */
export type EditableInvite = {
  code: string;
  channel: string;
  uses: number;
  maxUses: number;
  maxAge: number;
  temporary: boolean;
  expiresAt: string | null;
  /** The roles accepting gives. */
  roleIds: string[];
  version: number;
};

export type EditInviteState =
  | { status: "idle" }
  | { status: "saved"; invite: EditableInvite }
  | { status: "error"; error: string }
  /** Someone else changed the invite first: what it is now (the form starts again from it). */
  | { status: "conflict"; current: EditableInvite };

export type EditInviteAction = (state: EditInviteState, formData: FormData) => Promise<EditInviteState>;
