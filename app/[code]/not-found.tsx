import { InviteInvalid } from "@/components/invites/invite-invalid";

// Unknown, expired, used-up and revoked invites alike (HTTP 404, one answer for all).
export default function NotFound() {
  return <InviteInvalid />;
}
