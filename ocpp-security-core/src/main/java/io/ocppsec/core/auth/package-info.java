/**
 * HTTP Basic authentication of a Charging Station (security profiles 1 and 2, A00.FR.202–204,
 * A00.FR.302–303): the station identity ({@link io.ocppsec.core.auth.ChargingStationIdentity}), the
 * {@code Authorization} header codec for both sides ({@link io.ocppsec.core.auth.BasicAuthHeader}) and
 * its typed errors ({@link io.ocppsec.core.auth.BasicAuthException}). The CSMS-side check against stored
 * hashes is {@link io.ocppsec.core.credential.BasicAuthenticator}.
 */
package io.ocppsec.core.auth;
