import type { Metadata } from 'next';
import { LinkAccountForm } from '../../components/accounts/LinkAccountForm.tsx';

export const metadata: Metadata = { title: 'Choose a new password' };

export default function ResetPasswordPage() {
  return (
    <main className="page page-narrow">
      <h1>Choose a new password</h1>
      <p>Setting a new password signs this account out everywhere else.</p>
      <LinkAccountForm purpose="password-reset" />
    </main>
  );
}
