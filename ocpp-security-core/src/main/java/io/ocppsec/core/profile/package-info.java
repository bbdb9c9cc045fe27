/**
 * Security profiles (A00.FR.001–006) and their upgrade (A05): which connection matches the profile in
 * force on each side, the no-downgrade guard, the CSMS-side memory of the highest profile each station
 * reached, and the station-side A05 upgrade state machine.
 */
package io.ocppsec.core.profile;
