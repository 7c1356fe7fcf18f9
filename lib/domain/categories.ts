/** An app category as the sources name it (`coding`, `roleplay`): lower-case letters, digits and dashes. */
export const CATEGORY_RE = /^[a-z0-9][a-z0-9-]{0,49}$/;
