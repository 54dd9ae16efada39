import { lazy, Suspense, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { CALLBACK_PATH } from './auth/implicitFlow';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { AuthCallbackPage } from './pages/AuthCallbackPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProjectsListPage } from './pages/ProjectsListPage';
import { SignInPage } from './pages/SignInPage';
import { AccountGate } from './signup/AccountGate';
import { ProjectStudioLayout } from './studio/ProjectStudioLayout';
import { StudioMemoryProvider } from './studio/studioMemory';
import { Loading } from './ui/Loading';
import { ToastProvider } from './ui/Toasts';

/**
 * Each step page is its own chunk, loaded when first opened: the sign-in page and the projects list do not carry the
 * editor (and the form schemas) with them.
 */
function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  };
}

const NewProjectPage = lazyPage(() => import('./pages/NewProjectPage').then((module) => module.NewProjectPage));
const BookPage = lazyPage(() => import('./studio/book/BookPage').then((module) => module.BookPage));
const ManuscriptPage = lazyPage(() =>
  import('./studio/manuscript/ManuscriptPage').then((module) => module.ManuscriptPage),
);
const ChaptersPage = lazyPage(() => import('./studio/chapters/ChaptersPage').then((module) => module.ChaptersPage));
const CharactersPage = lazyPage(() =>
  import('./studio/characters/CharactersPage').then((module) => module.CharactersPage),
);
const CastingPage = lazyPage(() => import('./studio/casting/CastingPage').then((module) => module.CastingPage));
const PlanPage = lazyPage(() => import('./studio/plan/PlanPage').then((module) => module.PlanPage));
const PronunciationPage = lazyPage(() =>
  import('./studio/pronunciation/PronunciationPage').then((module) => module.PronunciationPage),
);
const ReviewPage = lazyPage(() => import('./studio/review/ReviewPage').then((module) => module.ReviewPage));
const EstimatePage = lazyPage(() => import('./studio/estimate/EstimatePage').then((module) => module.EstimatePage));
const ProductionPage = lazyPage(() =>
  import('./studio/production/ProductionPage').then((module) => module.ProductionPage),
);
const ListenPage = lazyPage(() => import('./studio/listen/ListenPage').then((module) => module.ListenPage));
const OperatorPage = lazyPage(() => import('./operator/OperatorPage').then((module) => module.OperatorPage));
const OperatorMetricsPage = lazyPage(() =>
  import('./operator/metrics/MetricsPage').then((module) => module.MetricsPage),
);
const SignupPage = lazyPage(() => import('./signup/SignupPage').then((module) => module.SignupPage));
const DeliveryPage = lazyPage(() => import('./studio/delivery/DeliveryPage').then((module) => module.DeliveryPage));
const CostsPage = lazyPage(() => import('./costs/CostsPage').then((module) => module.CostsPage));
const AdminLayout = lazyPage(() => import('./admin/AdminLayout').then((module) => module.AdminLayout));
const AdminUsersPage = lazyPage(() => import('./admin/UsersPage').then((module) => module.UsersPage));
const AdminMembersPage = lazyPage(() => import('./admin/MembersPage').then((module) => module.MembersPage));
const AdminWebhooksPage = lazyPage(() => import('./admin/WebhooksPage').then((module) => module.WebhooksPage));
const AdminSettingsPage = lazyPage(() => import('./admin/SettingsPage').then((module) => module.SettingsPage));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (404, 403…) will not change on retry; only transient failures are worth another try.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

/** A fresh studio per project, so edits in progress never leak from one project to the next. */
function ProjectStudioRoute() {
  const { projectId } = useParams();
  return <ProjectStudioLayout key={projectId} />;
}

/**
 * One routing scheme: every page of a project lives under `/projects/:projectId/<step>`, each step deep-linkable.
 * Steps added later (production, listening, delivery) join as further child routes.
 */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider>
          <ToastProvider>
            <Routes>
              <Route path="/" element={<SignInPage />} />
              <Route path={CALLBACK_PATH} element={<AuthCallbackPage />} />
              <Route
                element={
                  <RequireAuth>
                    <StudioMemoryProvider>
                      <AppLayout />
                    </StudioMemoryProvider>
                  </RequireAuth>
                }
              >
                <Route
                  path="/projects"
                  element={
                    <AccountGate>
                      <ProjectsListPage />
                    </AccountGate>
                  }
                />
                <Route path="/operator" element={<OperatorPage />} />
                <Route path="/operator/metrics" element={<OperatorMetricsPage />} />
                <Route
                  path="/costs"
                  element={
                    <AccountGate>
                      <CostsPage />
                    </AccountGate>
                  }
                />
                <Route
                  path="/admin"
                  element={
                    <AccountGate>
                      <AdminLayout />
                    </AccountGate>
                  }
                >
                  <Route index element={<Navigate to="users" replace />} />
                  <Route path="users" element={<AdminUsersPage />} />
                  <Route path="projects" element={<AdminMembersPage />} />
                  <Route path="webhooks" element={<AdminWebhooksPage />} />
                  <Route path="settings" element={<AdminSettingsPage />} />
                </Route>
                <Route path="/signup" element={<SignupPage />} />
                <Route path="/projects/new" element={<NewProjectPage />} />
                <Route path="/projects/:projectId" element={<ProjectStudioRoute />}>
                  <Route index element={<BookPage />} />
                  <Route path="manuscript" element={<ManuscriptPage />} />
                  <Route path="chapters/:chapterId?" element={<ChaptersPage />} />
                  <Route path="characters" element={<CharactersPage />} />
                  <Route path="casting" element={<CastingPage />} />
                  <Route path="plan/:chapterId?" element={<PlanPage />} />
                  <Route path="pronunciation" element={<PronunciationPage />} />
                  <Route path="review" element={<ReviewPage />} />
                  <Route path="estimate" element={<EstimatePage />} />
                  <Route path="production" element={<ProductionPage />} />
                  <Route path="listen/:chapterId?" element={<ListenPage />} />
                  <Route path="delivery" element={<DeliveryPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
              <Route path="/index.html" element={<Navigate to="/" replace />} />
            </Routes>
          </ToastProvider>
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
