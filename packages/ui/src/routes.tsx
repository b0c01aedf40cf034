import { Navigate, Route } from 'react-router';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { AppFormPage } from './pages/apps/AppFormPage.tsx';
import { AppsPage } from './pages/apps/AppsPage.tsx';
import { LaunchesPage } from './pages/launches/LaunchesPage.tsx';
import { LaunchInspectorPage } from './pages/launches/LaunchInspectorPage.tsx';
import { MyDataPage } from './pages/patients/MyDataPage.tsx';
import { PatientsPage } from './pages/patients/PatientsPage.tsx';
import { DirectoryPage } from './pages/reference/DirectoryPage.tsx';
import { ScopesPage } from './pages/reference/ScopesPage.tsx';

/**
 * The sandbox's pages, the same on the desktop and on the plan's server (inside each mode's shell). A function,
 * not a component: react-router reads `<Route>` elements directly under `<Routes>` or a parent route.
 */
export function sandboxPageRoutes() {
  return (
    <>
      <Route index element={<AppsPage />} />
      <Route path="apps" element={<AppsPage />} />
      <Route path="apps/new" element={<AppFormPage />} />
      <Route path="apps/:id" element={<AppFormPage />} />
      <Route path="patients" element={<PatientsPage />} />
      <Route path="patients/:id" element={<MyDataPage />} />
      <Route path="launches" element={<LaunchesPage />} />
      <Route path="launches/:id" element={<LaunchInspectorPage />} />
      <Route path="scopes" element={<ScopesPage />} />
      <Route path="directory" element={<DirectoryPage />} />
    </>
  );
}

/** The routes every shell ends with: index.html back to the start, and Page not found. */
export function fallbackRoutes() {
  return (
    <>
      <Route path="index.html" element={<Navigate to="/" replace />} />
      <Route path="*" element={<NotFoundPage />} />
    </>
  );
}
