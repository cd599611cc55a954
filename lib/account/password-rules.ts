/** The shortest password an account may choose (the API's schema and the forms' hints read this). */
export const PASSWORD_MIN_LENGTH = 8;
