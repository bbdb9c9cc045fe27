/**
 * Text rules shared by the SDK's modules: making untrusted text printable, recognising secrets to redact.
 * Exported only to the SDK's own modules; not an API.
 */
package io.ocppsec.core.internal.text;
