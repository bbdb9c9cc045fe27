/**
 * Credentials of Charging Stations over their life: the CSMS-side state of each station's password
 * and its rotation (A01; {@link io.ocppsec.core.credential.CredentialState},
 * {@link io.ocppsec.core.credential.PasswordRotation}), the store behind it
 * ({@link io.ocppsec.core.credential.CredentialStore}), Basic-auth authentication against salted hashes
 * ({@link io.ocppsec.core.credential.BasicAuthenticator}), the BootNotification decision for stations with
 * factory credentials or a failed rotation (A00.FR.806, A01.FR.05;
 * {@link io.ocppsec.core.credential.CredentialBootPolicy}), factory credential generation
 * (A00.FR.801–802; {@link io.ocppsec.core.credential.FactoryCredentials}), and the station-side handling of
 * {@code SetVariables(SecurityCtrlr.BasicAuthPassword)} ({@link io.ocppsec.core.credential.StationPasswordUpdate}).
 */
package io.ocppsec.core.credential;
