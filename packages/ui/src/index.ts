export { Alert, type AlertProps, type AlertTone } from "./components/Alert.tsx";
export { AppShell, UserMenu, type AppShellProps, type UserMenuProps } from "./components/AppShell.tsx";
export { Badge, badgeTones, type BadgeProps, type BadgeTone } from "./components/Badge.tsx";
export {
  Button,
  ButtonLink,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from "./components/Button.tsx";
export { Card, type CardProps } from "./components/Card.tsx";
export { DataTable, type DataTableColumn, type DataTableProps } from "./components/DataTable.tsx";
export { DescriptionList, type DescriptionItem, type DescriptionListProps } from "./components/DescriptionList.tsx";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState.tsx";
export { LoadErrorAlert, type LoadErrorAlertProps } from "./components/LoadErrorAlert.tsx";
export { PageHeader, type PageHeaderProps } from "./components/PageHeader.tsx";
export { PageNotice, type PageNoticeProps } from "./components/PageNotice.tsx";
export { StatGroup, type StatGroupProps, type StatItem } from "./components/StatGroup.tsx";
export { SignInForm, type SignInFormProps, type SignInValues } from "./components/SignInForm.tsx";
export { Spinner, type SpinnerProps, type SpinnerSize } from "./components/Spinner.tsx";
export { TextField, type TextFieldProps } from "./components/TextField.tsx";
export {
  ErrorIcon,
  InboxIcon,
  InfoIcon,
  LinkIcon,
  LockIcon,
  LogoMark,
  SearchIcon,
  ShieldIcon,
  SuccessIcon,
  WarningIcon,
  type IconProps,
} from "./components/icons.tsx";
export {
  cx,
  fieldErrorsFromIssues,
  formatDate,
  initials,
  isValidationIssueList,
  type ValidationIssue,
} from "./utils.ts";
export {
  GENERIC_ERROR_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  apiErrorCode,
  apiErrorMessage,
  apiFieldErrors,
  shouldRetryApiCall,
  signInErrorFeedback,
} from "./api-errors.ts";
export { SelectField, type SelectFieldProps, type SelectOption } from "./components/SelectField.tsx";
export { TextAreaField, type TextAreaFieldProps } from "./components/TextAreaField.tsx";
export { CheckboxField, type CheckboxFieldProps } from "./components/CheckboxField.tsx";
export { MessageBubble, type MessageBubbleProps } from "./components/MessageBubble.tsx";
export { Dialog, type DialogProps } from "./components/Dialog.tsx";
