import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="inner">
        <p>
          Claimwatch checks every side&apos;s claims by one published standard. Read the{" "}
          <Link href="/methodology">methodology</Link> and the <Link href="/corrections">corrections</Link>.
        </p>
        <p>
          <Link href="/login">Editors sign in</Link>
        </p>
      </div>
    </footer>
  );
}
