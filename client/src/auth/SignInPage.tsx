import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type Location } from 'react-router';
import { errorKind } from '../errors/error-codes';
import { useErrorMessage } from '../errors/useErrorMessage';
import { graphql } from '../gql';
import { Field } from '../ui/Field';
import { useToast } from '../ui/Toaster';
import { useSession } from './SessionProvider';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      user {
        ...ViewerFields
      }
    }
  }
`);

export function SignInPage() {
  const { t } = useTranslation();
  const { viewer, signIn } = useSession();
  const location = useLocation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [mutate, { loading }] = useMutation(SignInMutation);

  const from = (location.state as { from?: Location } | null)?.from;
  if (viewer) return <Navigate to={from ? `${from.pathname}${from.search}` : '/'} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem(t('auth.missingCredentials'));
      return;
    }
    setProblem(null);
    try {
      const { data } = await mutate({ variables: { email: email.trim(), password } });
      if (!data) return;
      signIn(data.signIn.token, data.signIn.user);
      toast.show(t('auth.welcome', { name: data.signIn.user.displayName }), 'success');
    } catch (error) {
      setProblem(errorKind(error) === 'UNAUTHENTICATED' ? t('auth.wrongCredentials') : errorMessage(error));
    }
  }

  return (
    <main className="page page--centered" id="main">
      <form className="card sign-in" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <div className="sign-in__brand" aria-hidden="true">
          <span className="logo-mark" />
          Amphi
        </div>
        <h1 id="sign-in-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        {problem && (
          <p className="form-alert" role="alert" id="sign-in-problem">
            {problem}
          </p>
        )}
        <Field id="email" label={t('auth.email')} describedBy={problem ? 'sign-in-problem' : undefined}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              // biome-ignore lint/a11y/noAutofocus: the sign-in page is there to type an email; nothing comes before it.
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id="password" label={t('auth.password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary button--block" disabled={loading}>
          {loading ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </main>
  );
}
