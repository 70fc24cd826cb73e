/** For a signed-in person whose roles do not include this app. */
export function NoAccess() {
  return (
    <div className="app-stack">
      <h1>No access</h1>
      <p>Your roles do not include this app. Ask your supervisor for access.</p>
    </div>
  );
}
