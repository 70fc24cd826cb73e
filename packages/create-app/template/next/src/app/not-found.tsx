import Link from 'next/link';

/** Unknown paths, and requests that do not exist or belong to another department. */
export default function NotFound() {
  return (
    <div className="app-stack">
      <h1>Page not found</h1>
      <p>There is nothing here, or it is not yours to see.</p>
      <Link href="/requests">Go to the requests</Link>
    </div>
  );
}
