export {
  apiErrorCode,
  apiErrorMessage,
  apiFieldErrors,
  apiSlotRefusal,
  GENERIC_ERROR_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  shouldRetryApiCall,
  signInErrorFeedback,
} from "./api-errors.ts";
export { Alert, type AlertProps, type AlertTone } from "./components/Alert.tsx";
export { AppShell, type AppShellProps, UserMenu, type UserMenuProps } from "./components/AppShell.tsx";
export { Badge, type BadgeProps, type BadgeTone, badgeTones } from "./components/Badge.tsx";
export {
  Button,
  ButtonLink,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  buttonClassName,
} from "./components/Button.tsx";
export { Card, type CardProps } from "./components/Card.tsx";
export { CheckboxField, type CheckboxFieldProps } from "./components/CheckboxField.tsx";
export { DataTable, type DataTableColumn, type DataTableProps } from "./components/DataTable.tsx";
export { type DescriptionItem, DescriptionList, type DescriptionListProps } from "./components/DescriptionList.tsx";
export { Dialog, type DialogProps } from "./components/Dialog.tsx";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState.tsx";
export {
  ErrorIcon,
  type IconProps,
  InboxIcon,
  InfoIcon,
  LinkIcon,
  LockIcon,
  LogoMark,
  SearchIcon,
  ShieldIcon,
  SuccessIcon,
  WarningIcon,
} from "./components/icons.tsx";
export { LoadErrorAlert, type LoadErrorAlertProps } from "./components/LoadErrorAlert.tsx";
export { MessageBubble, type MessageBubbleProps } from "./components/MessageBubble.tsx";
export { PageHeader, type PageHeaderProps } from "./components/PageHeader.tsx";
export { PageNotice, type PageNoticeProps } from "./components/PageNotice.tsx";
export { SelectField, type SelectFieldProps, type SelectOption } from "./components/SelectField.tsx";
export { SignInForm, type SignInFormProps, type SignInValues } from "./components/SignInForm.tsx";
export { SlotRefusalAlert, type SlotRefusalAlertProps } from "./components/SlotRefusalAlert.tsx";
export { Spinner, type SpinnerProps, type SpinnerSize } from "./components/Spinner.tsx";
export { StatGroup, type StatGroupProps, type StatItem } from "./components/StatGroup.tsx";
export { TextAreaField, type TextAreaFieldProps } from "./components/TextAreaField.tsx";
export { TextField, type TextFieldProps } from "./components/TextField.tsx";
export {
  ASSET_FIELD_LABELS,
  ASSET_KIND_LABELS,
  ASSET_NUMBER_FIELDS,
  ASSET_REQUIRED_FIELD,
  ASSET_SIZE_FIELDS,
  assetFormSchema,
  assetFormValues,
} from "./form/asset-form.ts";
export {
  Form,
  FormCheckboxField,
  type FormProps,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from "./form/fields.tsx";
export { apiIssuesByPath, applyServerErrors } from "./form/server-errors.ts";
export { useZodForm, type ZodForm } from "./form/use-zod-form.ts";
export {
  cx,
  fieldErrorsFromIssues,
  formatDate,
  initials,
  isValidationIssueList,
  type ValidationIssue,
} from "./utils.ts";
