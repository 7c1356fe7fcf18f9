/**
 * Before a page renders: while the database is unreachable, answer a 503 page at once (lib/server/outage.ts)
 * instead of letting the page fail after the driver's timeouts. API routes, embeds and images answer 503 in
 * their own error envelope; static files never touch the database.
 */
import { NextResponse } from "next/server";
import { databaseAvailable, unavailablePage } from "@/lib/server/outage";

export async function proxy(): Promise<Response> {
  return (await databaseAvailable()) ? NextResponse.next() : unavailablePage();
}

export const config = {
  matcher: ["/((?!api/|embed/|_next/|favicon\\.ico|embed\\.js|robots\\.txt).*)"],
};
