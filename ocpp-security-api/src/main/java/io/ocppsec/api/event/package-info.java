/**
 * Security events of OCPP 2.0.1 (Part 2, Appendix 1) with their criticality.
 */
package io.ocppsec.api.event;
