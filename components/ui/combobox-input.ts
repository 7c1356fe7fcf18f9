/**
 * The ARIA and browser attributes of a combobox's text input (WAI-ARIA 1.2 combobox with a listbox popup),
 * shared by the header's search and the pickers: `id` names the input (`<id>-input`) and its listbox
 * (`<id>-listbox`); `activeId` is the highlighted option's id while the list is open.
 */
export function comboboxInputProps(id: string, expanded: boolean, activeId: string | undefined) {
  return {
    id: `${id}-input`,
    type: "text",
    role: "combobox",
    "aria-expanded": expanded,
    "aria-controls": `${id}-listbox`,
    "aria-autocomplete": "list",
    "aria-activedescendant": expanded ? activeId : undefined,
    autoComplete: "off",
    spellCheck: false,
  } as const;
}
