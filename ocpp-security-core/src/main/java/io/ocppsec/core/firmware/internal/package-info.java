/**
 * Internals of the firmware package: the bounded PEM parser, the JDK-PKIX Manufacturer-hierarchy
 * validator, image digesting and signature primitives over a precomputed digest. Not exported.
 */
package io.ocppsec.core.firmware.internal;
