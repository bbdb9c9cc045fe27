/**
 * Service interfaces that integrators implement or replace: revocation sources, certificate
 * authorities, stores and queues.
 */
package io.ocppsec.api.spi;
