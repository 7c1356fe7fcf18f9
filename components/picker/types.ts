export interface PickerOption {
  value: string;
  label: string;
  /** Secondary text (id, author, tokens). */
  detail?: string;
}
