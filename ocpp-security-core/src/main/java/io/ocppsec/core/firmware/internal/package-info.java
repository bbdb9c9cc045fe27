/**
 * Internals of the firmware package: strict base64, image digesting and signature primitives over a
 * precomputed digest. Not exported.
 */
package io.ocppsec.core.firmware.internal;
