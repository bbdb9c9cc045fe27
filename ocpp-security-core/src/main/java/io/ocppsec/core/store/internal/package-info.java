/** Internals of the certificate store (the file format). Not exported. */
package io.ocppsec.core.store.internal;
