/**
 * Which typed passwords are checked and protected: from PASSWORD_MIN_LENGTH characters (a
 * shorter one is nobody's portal password: the platforms ask for 8 or more, and checking every
 * short prefix as it is typed would only cost hashing) up to PASSWORD_MAX_LENGTH (a field
 * filled with a whole document is no password).
 */
export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MAX_LENGTH = 256;
