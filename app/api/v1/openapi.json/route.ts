import { apiServerUrl, buildOpenApiDocument, type OpenApiDocument } from "@/lib/openapi/document";
import { appUrl, hasAppUrl } from "@/server/config/app-url";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

// The server URL is APP_URL as configured when the request is served (the request's own origin when unset).
export const dynamic = "force-dynamic";

const documents = new Map<string, OpenApiDocument>();

function documentFor(serverUrl: string): OpenApiDocument {
  let document = documents.get(serverUrl);
  if (!document) {
    document = buildOpenApiDocument({ serverUrl });
    documents.set(serverUrl, document);
  }
  return document;
}

// GET /api/v1/openapi.json - the OpenAPI 3.1 document of /api/v1, generated from the request schemas (public)
export const GET = route({ auth: "none" }, async ({ request }) => {
  const response = json(documentFor(apiServerUrl(hasAppUrl() ? appUrl() : new URL(request.url).origin)));
  response.headers.set("cache-control", "public, max-age=300");
  return response;
});
