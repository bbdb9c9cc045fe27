/**
 * Internals of the OCPP-J codec: the limited JSON tree reader, the schema tables and the log redactor.
 * Not exported.
 */
package io.ocppsec.core.json.internal;
