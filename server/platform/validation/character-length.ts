import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Characters as PostgreSQL's varchar(n) counts them: code points. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/**
 * Like class-validator's @Length, but counting what the column counts. @Length (validator.js) counts
 * a character followed by a variation selector ("❤️") as one, while PostgreSQL counts two, so a
 * text @Length accepts could overflow its varchar column.
 */
export function CharacterLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'characterLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && characterCount(value) >= min && characterCount(value) <= max,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && characterCount(args.value) > max
            ? `$property must be shorter than or equal to ${max} characters`
            : `$property must be longer than or equal to ${min} characters`,
      },
    },
    options,
  );
}
