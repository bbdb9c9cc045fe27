/**
 * Core vocabulary: {@link io.ocppsec.api.SecurityProfile} and the names shared by every module.
 */
package io.ocppsec.api;
