import type { Metadata } from 'next';
import { LoginForm } from '../../../components/teacher/LoginForm.tsx';

export const metadata: Metadata = { title: 'Teacher sign-in' };

export default function TeacherLoginPage() {
  return (
    <main className="page page-narrow">
      <h1>Teacher sign-in</h1>
      <LoginForm />
    </main>
  );
}
