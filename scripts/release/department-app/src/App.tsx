import { AuthProvider, useSession } from '@cityofboston/auth-client/react';
import { Button, PageLayout, SiteHeader } from '@cityofboston/ui';

function Account() {
  const session = useSession();
  if (session.status === 'authenticated' && session.principal) {
    return (
      <>
        <p data-testid="signed-in">Signed in as {session.principal.name}</p>
        <Button variant="secondary" onClick={() => void session.signOut()}>
          Sign out
        </Button>
      </>
    );
  }
  return <Button onClick={() => session.signIn('/')}>Sign in</Button>;
}

export default function App() {
  return (
    <AuthProvider>
      <PageLayout header={<SiteHeader appName="Permit Desk" department="Inspectional Services" />}>
        <h1>Permit Desk</h1>
        <Account />
      </PageLayout>
    </AuthProvider>
  );
}
