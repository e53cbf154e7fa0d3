// What /about says until an admin writes the real text at /admin/about (prisma/schema.prisma, AboutPage). Honest on
// purpose: it invents no publisher, funder or address, it says they are missing.

export const ABOUT_DEFAULT_MARKDOWN = `## Who publishes Claimwatch

The publisher has not filled in this page yet. Until they do, readers cannot see here who runs Claimwatch, who pays
for it or who owns it — ask for this page to be completed before relying on the site.

## Funding

Not stated yet.

## Ownership

Not stated yet.

## Contact

Not stated yet. To point out an error in a claim, use **Request a correction** on the claim's page.

## Corrections

How claims are checked is on the [methodology page](/methodology); every correction is listed on the
[corrections page](/corrections).
`;
