import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * @IsEmail that answers "not an email address" where validator.js throws (a lone surrogate makes its
 * isEmail throw a URIError, which type-graphql would pass on as a validation error with no fields).
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) => {
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be an email',
      },
    },
    options,
  );
}
