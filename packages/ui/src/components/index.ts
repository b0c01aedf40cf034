// Shared widgets of the UI's pages.
export { ConfirmModal, type ConfirmModalProps } from './ConfirmModal.tsx';
export { CopyField, SecretField, type CopyFieldProps } from './CopyField.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { ErrorAlert, type ErrorAlertProps } from './ErrorAlert.tsx';
export { LoadingState, type LoadingStateProps } from './LoadingState.tsx';
export { PageHeader, type PageHeaderProps } from './PageHeader.tsx';
export { Section, type SectionProps } from './Section.tsx';
