/**
 * The {@code BasicAuthPassword} of security profiles 1 and 2: a secret type that redacts and wipes
 * itself ({@link io.ocppsec.core.password.BasicAuthPassword}), the character and length policy
 * (A00.FR.205, A00.FR.304; {@link io.ocppsec.core.password.PasswordPolicy}), a CSPRNG generator
 * (A01.FR.06, A01.FR.07, A00.FR.802; {@link io.ocppsec.core.password.PasswordGenerator}) and salted
 * hashing for the CSMS (A01.FR.08; {@link io.ocppsec.core.password.PasswordHasher}).
 */
package io.ocppsec.core.password;
