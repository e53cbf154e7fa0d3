import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { absoluteUrl } from "@/lib/domain/site";

// GET /robots.txt: crawlers may read every reader page; the signed-in areas, the sign-in page, the CLI's cache
// endpoint and the claims list's internal view paths (lib/http/claims-view.ts; readers only ever see /claims?…)
// are not for them. connection(): SITE_URL is read when the server runs, not when it was built.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/editor", "/admin", "/login", "/logout", "/api/revalidate", "/claims/view/"],
      },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
