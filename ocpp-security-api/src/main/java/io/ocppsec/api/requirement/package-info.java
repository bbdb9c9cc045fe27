/**
 * Requirement IDs of OCPP 2.0.1 Part 2 Block A, their levels, and the validation results every
 * validator of the SDK returns: {@link io.ocppsec.api.requirement.ValidationResult} lists every
 * {@link io.ocppsec.api.requirement.Violation}, each naming the requirement it breaks.
 */
package io.ocppsec.api.requirement;
