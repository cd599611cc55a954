import { errorResponse } from "@/server/http/respond";

// Any /api path no route matches: the API's JSON 404 (NOT_FOUND envelope), never an HTML page.
const notFound = async () => errorResponse("NOT_FOUND");

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
