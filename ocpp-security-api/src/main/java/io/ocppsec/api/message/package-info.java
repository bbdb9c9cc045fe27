/**
 * Immutable records of the OCPP 2.0.1 messages that Block A uses, with the enums and field limits of
 * the official JSON schemas enforced in their constructors.
 */
package io.ocppsec.api.message;
