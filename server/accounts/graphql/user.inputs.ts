import { IsEnum, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { CharacterLength } from '../../platform/validation/character-length';
import { IsEmailAddress } from '../../platform/validation/is-email-address';
import { Role } from './enums';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmailAddress({ message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @CharacterLength(1, 100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => String)
  @Length(8, 200, { message: 'password must be between 8 and 200 characters' })
  password: string;
}

@ArgsType()
export class UsersArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => String, { nullable: true, description: 'Part of the name or email, case-insensitive.' })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first: number;
}
