import type { Metadata } from 'next';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export const metadata: Metadata = { title: 'Create the owner account' };

export default function SetupPage() {
  return (
    <main className="page page-narrow">
      <h1>Create the owner account</h1>
      <p>
        The owner is this Classpulse&rsquo;s first admin: they invite teachers and manage accounts.
        Decks and sessions made before accounts existed become theirs.
      </p>
      <LinkAccountForm purpose="setup" />
    </main>
  );
}
