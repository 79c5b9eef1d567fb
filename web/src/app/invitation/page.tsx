import type { Metadata } from 'next';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export const metadata: Metadata = { title: 'Join Classpulse' };

export default function InvitationPage() {
  return (
    <main className="page page-narrow">
      <h1>Join Classpulse</h1>
      <LinkAccountForm purpose="invitation" />
    </main>
  );
}
